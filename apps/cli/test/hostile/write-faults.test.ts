// Issue 18, items 4 and 6: a full or read-only disk at each write point. The error is injected
// through @fmnist/runs' file layer (injectWriteFault), always; a real 1 MB tmpfs is an extra that
// runs where mounting works (as root).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { injectWriteFault } from '@fmnist/runs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tinyTrainArgs, trainTinyRun } from '../train-tiny-run.js';
import { runCliInProcess } from './run-cli-in-process.js';

let dataDir: string;
let runDir: string;
let dir: string;

const errno = (code: 'ENOSPC' | 'EROFS', path: string) =>
  Object.assign(new Error(`${code}: injected, write '${path}'`), { code, path, syscall: 'write' });

beforeAll(async () => {
  const { FMNIST_DATA_DIR: _unused, ...env } = process.env;
  process.env = {
    ...env,
    XDG_CACHE_HOME: '/nonexistent-fmnist-cache',
    FMNIST_SYSTEM_DATA_DIRS: '',
    NO_COLOR: '1',
  };
  dataDir = await createTinyDatasetDir({ train: 200, test: 60 });
  runDir = await trainTinyRun(dataDir);
  dir = await mkdtemp(join(tmpdir(), 'fmnist-faults-'));
}, 120_000);

afterEach(() => injectWriteFault());

describe('a full or read-only disk when the CLI writes an output', () => {
  const outputs = [
    [
      'report --out (markdown)',
      (out: string) => ['report', runDir, '--format', 'md', '--out', out],
    ],
    [
      'report --format html --out',
      (out: string) => ['report', runDir, '--format', 'html', '--out', out],
    ],
    ['data show --out', (out: string) => ['data', 'show', '--out', out, '--data-dir', dataDir]],
  ] as const;

  for (const code of ['ENOSPC', 'EROFS'] as const) {
    it.each(outputs)(`${code}: %s keeps the old file and says which path`, async (_, args) => {
      const out = join(dir, `old-${code}-${Math.random().toString(36).slice(2)}`);
      await writeFile(out, 'the good old file');
      injectWriteFault((path) => (path === out ? errno(code, path) : undefined));
      const result = await runCliInProcess(args(out));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`cannot write ${out}`);
      expect(result.stderr).toContain('a file that was there is unchanged');
      expect(result.stderr).toMatch(
        code === 'ENOSPC' ? /disk is full.*\n.*Free some space/ : /read-only/,
      );
      expect(result.stderr).not.toContain('looks like a bug');
      expect(await readFile(out, 'utf8')).toBe('the good old file');
    });
  }
});

describe("a full disk at each of train's write points through the runs file layer", () => {
  // The n-th write of the file layer during a training fails once (the disk was full then).
  it.each([1, 2, 3, 4, 5, 6])(
    'write %i fails: the run ends failed (or completes), never running, with the path in the message',
    async (n) => {
      const out = join(dir, `train-${n}`);
      let writes = 0;
      injectWriteFault((path) => {
        if (!path.startsWith(out)) return undefined;
        writes += 1;
        return writes === n ? errno('ENOSPC', path) : undefined;
      });
      const result = await runCliInProcess(tinyTrainArgs(dataDir, 2, ['--out', out]), {
        timeoutMs: 60_000,
      });
      injectWriteFault();
      expect(result.timedOut).toBe(false);
      expect(result.stderr).not.toContain('looks like a bug');
      const [name] = await readdir(out).catch(() => [] as string[]);
      if (result.code !== 0) {
        expect(result.stderr).toMatch(/disk is full|no space/i);
        expect(result.stderr).toMatch(/Free some space/);
      }
      if (name !== undefined) {
        const text = await readFile(join(out, name, 'run.json'), 'utf8').catch(() => undefined);
        if (text !== undefined) expect(JSON.parse(text).status).not.toBe('running');
      }
    },
    90_000,
  );
});

function mountTmpfs(path: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('a real full disk (a 1 MB tmpfs, where mounting works)', () => {
  it('report --format html --out on a full disk keeps the old file', async (context) => {
    const mountPoint = join(dir, 'tmpfs');
    await mkdir(mountPoint, { recursive: true });
    if (process.getuid?.() !== 0 || !mountTmpfs(mountPoint)) {
      process.stdout.write('tmpfs test skipped: mounting a tmpfs needs root\n');
      context.skip();
      return;
    }
    try {
      const out = join(mountPoint, 'report.html');
      await writeFile(out, 'the good old report');
      // Fill the rest of the disk.
      await writeFile(join(mountPoint, 'filler'), Buffer.alloc(2 * 1024 * 1024)).catch(() => {});
      const result = await runCliInProcess(['report', runDir, '--format', 'html', '--out', out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/disk is full/);
      expect(result.stderr).toContain(`cannot write ${out}`);
      expect(await readFile(out, 'utf8')).toBe('the good old report');
      expect((await readdir(mountPoint)).sort()).toEqual(['filler', 'report.html']);
      process.stdout.write('tmpfs test ran: a real ENOSPC on a 1 MB tmpfs\n');
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});
