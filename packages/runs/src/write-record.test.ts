import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRecord } from '@fmnist/metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { injectWriteFault } from './write-file-atomically.js';
import { writeRecord } from './write-record.js';

const running = {
  schemaVersion: 1,
  id: 'r',
  status: 'running',
  // A real record's pretty JSON is mostly indentation around many small fields.
  history: Array.from({ length: 5 }, (_, i) => ({ epoch: i + 1, loss: 0.5, accuracy: 0.8 })),
} as unknown as RunRecord;
const failed = {
  ...running,
  status: 'failed',
  finishedAt: '2026-12-01T00:00:00.000Z',
  error: { message: 'the disk is full' },
} as RunRecord;
const full = (path: string) =>
  Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
    code: 'ENOSPC',
  });

async function writtenRunning(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'fmnist-write-record-')), 'run.json');
  await writeFile(path, `${JSON.stringify(running, null, 2)}\n`);
  return path;
}

afterEach(() => injectWriteFault());

describe('writeRecord on a full disk', () => {
  it('writes a stopped record over the old one in place, no longer than it was', async () => {
    const path = await writtenRunning();
    const size = (await stat(path)).size;
    injectWriteFault((p) => (p === path ? full(p) : undefined));
    await writeRecord(path, failed);
    expect((await stat(path)).size).toBe(size);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(failed);
  });

  it('keeps the old record with the new status when the whole one does not fit', async () => {
    const path = await writtenRunning();
    injectWriteFault((p) => (p === path ? full(p) : undefined));
    const bigger = { ...failed, samples: 'x'.repeat(1000) } as unknown as RunRecord;
    await writeRecord(path, bigger);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(failed);
  });

  it('throws the error for a running record, and for other errors', async () => {
    const path = await writtenRunning();
    injectWriteFault((p) => (p === path ? full(p) : undefined));
    await expect(writeRecord(path, running)).rejects.toThrow(/ENOSPC/);
    injectWriteFault((p) =>
      p === path ? Object.assign(new Error('EROFS'), { code: 'EROFS' }) : undefined,
    );
    await expect(writeRecord(path, failed)).rejects.toThrow('EROFS');
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(running);
  });
});
