import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockRunDirectory } from './lock-run-directory.js';
import { RunsError } from './runs-error.js';

const tmp = () => mkdtemp(join(tmpdir(), 'fmnist-lock-'));

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

describe('lockRunDirectory', () => {
  it('refuses a second holder at once, naming its pid and host, and frees the directory on release', async () => {
    const dir = await tmp();
    const lock = await lockRunDirectory(dir);
    const owner = JSON.parse(await readFile(join(dir, '.lock', 'owner.json'), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: lock.owner.host });
    const second = lockRunDirectory(dir, { pid: process.pid + 1 });
    await expect(second).rejects.toThrow(
      new RegExp(`in use by pid ${process.pid} on host ${lock.owner.host}`),
    );
    await expect(second).rejects.toSatisfy(
      (e: unknown) => RunsError.isInstance(e) && e.code === 'RUN_LOCKED',
    );
    await lock.release();
    const again = await lockRunDirectory(dir);
    expect(again.takenOver).toBeUndefined();
    await again.release();
  });

  it('takes over a lock left by a dead process on this host, with a note', async () => {
    const dir = await tmp();
    const pid = await deadPid();
    const left = await lockRunDirectory(dir, { pid });
    // The process "was killed": its lock stays; no release.
    const lock = await lockRunDirectory(dir);
    expect(lock.takenOver?.owner?.pid).toBe(pid);
    expect(lock.takenOver?.reason).toMatch(new RegExp(`pid ${pid} .* is no longer running`));
    await lock.release();
    await left.release(); // no longer its lock: leaves nothing behind, removes nothing
  });

  it('takes over a lock from another host whose heartbeat is stale (shared storage), not a fresh one', async () => {
    const dir = await tmp();
    const fresh = await lockRunDirectory(dir, { host: 'elsewhere', pid: 1 });
    await expect(lockRunDirectory(dir)).rejects.toThrow(/in use by pid 1 on host elsewhere/);
    await fresh.release();
    const old = new Date(Date.now() - 120_000).toISOString();
    await lockRunDirectory(dir, { host: 'elsewhere', pid: 1 });
    await writeFile(
      join(dir, '.lock', 'owner.json'),
      JSON.stringify({ host: 'elsewhere', pid: 1, startedAt: old, heartbeatAt: old }),
    );
    const lock = await lockRunDirectory(dir, { staleMs: 60_000 });
    expect(lock.takenOver?.reason).toMatch(/heartbeat is 120 s old/);
    await lock.release();
  });
});
