import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RUN_FILES } from './layout.js';
import { RunsError } from './runs-error.js';
import { writeJsonAtomically } from './write-file-atomically.js';

/** Who holds a run directory's lock, as its `.lock/owner.json` says. */
export interface RunLockOwner {
  host: string;
  pid: number;
  startedAt: string;
  /** Rewritten every `heartbeatMs` while the owner lives. */
  heartbeatAt: string;
}

/** Options of {@link lockRunDirectory}. */
export interface LockRunDirectoryOptions {
  /** How often the owner rewrites its heartbeat; default 10 s. */
  heartbeatMs?: number;
  /** A heartbeat older than this is a dead owner's (any host); default 60 s. */
  staleMs?: number;
  /** For tests: who we are. Default this host and process. */
  host?: string;
  pid?: number;
}

/** A held lock. */
export interface RunLock {
  owner: RunLockOwner;
  /** Set when the lock was left by a dead process and taken over: whose it was, and why it was stale. */
  takenOver?: { owner: RunLockOwner | undefined; reason: string };
  /** Stop the heartbeat and remove the lock (only if it is still ours). */
  release(): Promise<void>;
}

const OWNER = 'owner.json';
const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

async function readOwner(lockDir: string): Promise<RunLockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(join(lockDir, OWNER), 'utf8')) as RunLockOwner;
    return typeof owner?.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Why the lock in `lockDir` is stale, or undefined when its owner may be alive. */
async function staleness(
  lockDir: string,
  owner: RunLockOwner | undefined,
  host: string,
  staleMs: number,
): Promise<string | undefined> {
  if (owner === undefined) {
    // Between another process's mkdir and its first owner.json: give it staleMs to write one.
    const made = await stat(lockDir).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    return Date.now() - made > staleMs ? 'the lock names no owner' : undefined;
  }
  if (owner.host === host && !isAlive(owner.pid)) {
    return `pid ${owner.pid} on this host (${host}) is no longer running`;
  }
  const age = Date.now() - Date.parse(owner.heartbeatAt);
  if (!(age <= staleMs)) {
    return `its heartbeat is ${Math.round(age / 1000)} s old (more than ${Math.round(staleMs / 1000)} s)`;
  }
  return undefined;
}

/**
 * Lock a run directory for one process: `mkdir <dir>/.lock` (atomic, also on NFS) with an
 * `owner.json` naming host, pid and a heartbeat that is rewritten while the lock is held. A second
 * process gets a {@link RunsError} `RUN_LOCKED` ("in use by pid N on host H") at once; a lock left
 * by a killed process (a dead pid on this host, or a heartbeat older than `staleMs` from any host)
 * is taken over, and `takenOver` says whose it was.
 */
export async function lockRunDirectory(
  dir: string,
  options: LockRunDirectoryOptions = {},
): Promise<RunLock> {
  const host = options.host ?? hostname();
  const pid = options.pid ?? process.pid;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const staleMs = options.staleMs ?? 60_000;
  const lockDir = join(dir, RUN_FILES.lock);
  let takenOver: RunLock['takenOver'];
  for (let attempt = 0; ; attempt++) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt > 5) throw error;
    }
    let owner = await readOwner(lockDir);
    // The holder writes owner.json just after its mkdir: give it a moment, so that the refusal
    // can name its pid and host.
    for (let wait = 0; owner === undefined && wait < 20; wait++) {
      await new Promise((done) => setTimeout(done, 25));
      owner = await readOwner(lockDir);
    }
    const reason = await staleness(lockDir, owner, host, staleMs);
    if (reason === undefined) {
      const who = owner ? `pid ${owner.pid} on host ${owner.host}` : 'another process';
      throw new RunsError(
        'RUN_LOCKED',
        `the run directory ${dir} is in use by ${who} (heartbeat ${owner?.heartbeatAt ?? 'not yet written'}): ` +
          'wait for it to finish or stop that process; a lock left by a killed process is taken over by itself',
      );
    }
    // Rename is atomic: of several processes taking over the same stale lock, one wins.
    const aside = `${lockDir}.stale-${randomBytes(4).toString('hex')}`;
    try {
      await rename(lockDir, aside);
      takenOver = { owner, reason };
      await rm(aside, { recursive: true, force: true });
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  const now = new Date().toISOString();
  const owner: RunLockOwner = { host, pid, startedAt: now, heartbeatAt: now };
  await writeJsonAtomically(join(lockDir, OWNER), owner);
  const beat = setInterval(() => {
    owner.heartbeatAt = new Date().toISOString();
    writeJsonAtomically(join(lockDir, OWNER), owner).catch(() => {});
  }, heartbeatMs);
  beat.unref();
  // A process that exits without releasing (an uncaught error, process.exit) still frees its lock.
  const onExit = () => {
    try {
      const current = JSON.parse(readFileSync(join(lockDir, OWNER), 'utf8')) as RunLockOwner;
      if (current.pid === pid && current.host === host) {
        rmSync(lockDir, { recursive: true, force: true });
      }
    } catch {
      // Gone already, or unreadable: not ours to remove.
    }
  };
  process.once('exit', onExit);
  let released = false;
  return {
    owner,
    ...(takenOver ? { takenOver } : {}),
    async release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      process.off('exit', onExit);
      const current = await readOwner(lockDir);
      if (current?.pid === pid && current.host === host) {
        await rm(lockDir, { recursive: true, force: true });
      }
    },
  };
}
