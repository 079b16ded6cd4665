// Issue 18, items 4 and 6: a full or read-only disk at each write point — run.json, report.md, the
// CLI's outputs, and every file of a checkpoint and of the saved model. The error is injected
// through @fmnist/runs' file layer (injectWriteFault), always; real small tmpfs filled to the last
// byte are an extra that runs where mounting works (root with CAP_SYS_ADMIN: here and in CI's
// container), and say why when they skip.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

// Issue 18: checkpoints and saved models go through the same file layer. A full disk at each of
// their write points: the run ends failed with the path, checkpoint.tmp is gone, the previous
// checkpoint is intact, and --resume (the disk freed) ends in the run an uninterrupted one is.
const TRAIN_3 = (out: string) => tinyTrainArgs(dataDir, 3, ['--out', out]);

/** What two runs of the same settings must share: everything but times, ids and paths. */
async function readOutcome(runDir: string) {
  const record = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'));
  return {
    status: record.status,
    history: record.history.map(({ seconds: _, ...rest }: { seconds: number }) => rest),
    metrics: record.metrics,
    predictions: record.predictions,
    validationPredictions: record.validationPredictions,
    confusionMatrix: record.confusionMatrix,
    weights: (await readFile(join(runDir, 'model', 'weights.bin'))).toString('base64'),
    checkpointWeights: (
      await readFile(join(runDir, 'checkpoint', 'model', 'weights.bin'))
    ).toString('base64'),
    optimizer: (await readFile(join(runDir, 'checkpoint', 'optimizer.bin'))).toString('base64'),
  };
}

async function onlyRun(out: string): Promise<string> {
  const names = await readdir(out);
  expect(names).toHaveLength(1);
  return join(out, names[0] as string);
}

let uninterrupted: Promise<Awaited<ReturnType<typeof readOutcome>>> | undefined;
/** The run TRAIN_3 gives when nothing goes wrong (trained once, on first use). */
function readUninterrupted() {
  uninterrupted ??= (async () => {
    const out = join(dir, 'uninterrupted');
    const result = await runCliInProcess(TRAIN_3(out), { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    return readOutcome(await onlyRun(out));
  })();
  return uninterrupted;
}

describe('a full disk at each checkpoint and model write point', () => {
  let reference: Awaited<ReturnType<typeof readOutcome>>;
  beforeAll(async () => {
    reference = await readUninterrupted();
  }, 90_000);

  // [write point, which write (by path) of the run fails, checkpoint epoch left on disk]
  const points = [
    ["epoch 2's checkpoint: model weights", /checkpoint\.tmp\/model\/\.weights\.bin\./, 1],
    ["epoch 2's checkpoint: model.json", /checkpoint\.tmp\/model\/\.model\.json\./, 1],
    ["epoch 2's checkpoint: optimizer.bin", /checkpoint\.tmp\/optimizer\.bin$/, 1],
    ["epoch 2's checkpoint: state.json", /checkpoint\.tmp\/state\.json$/, 1],
    ['the saved model: weights.bin', /\d{6}\/model\/\.weights\.bin\./, 3],
    ['the saved model: model.json', /\d{6}\/model\/\.model\.json\./, 3],
  ] as const;

  it.each(points)(
    '%s: failed with the path, checkpoint.tmp removed, the previous checkpoint kept; --resume gives the uninterrupted run',
    async (_, pattern, kept) => {
      const out = join(dir, `point-${Math.random().toString(36).slice(2)}`);
      let seen = 0;
      const failedAt: string[] = [];
      injectWriteFault((path) => {
        if (!path.startsWith(out) || !pattern.test(path)) return undefined;
        seen += 1;
        // Checkpoint points fail at epoch 2 (the second checkpoint); the model's at its only save.
        if (seen !== (kept === 1 ? 2 : 1)) return undefined;
        failedAt.push(path);
        return errno('ENOSPC', path);
      });
      const result = await runCliInProcess(TRAIN_3(out), { timeoutMs: 60_000 });
      injectWriteFault();
      expect(failedAt).toHaveLength(1);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(failedAt[0]);
      expect(result.stderr).toMatch(/disk is full|no space left|ENOSPC/);
      expect(result.stderr).toMatch(/Free some space/);
      expect(result.stderr.match(/Free some space/g)).toHaveLength(1);
      expect(result.stderr).not.toContain('looks like a bug');
      const runDir = await onlyRun(out);
      expect(result.stderr).toContain(
        `checkpointed after epoch ${kept}); to carry on from there instead of starting again:\n  fmnist train --resume ${runDir}`,
      );
      const record = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'));
      expect(record.status).toBe('failed');
      expect(record.error.message).toMatch(/ENOSPC|disk is full|no space/);
      const names = await readdir(runDir);
      expect(names).not.toContain('checkpoint.tmp');
      expect(names).not.toContain('checkpoint.old');
      const state = JSON.parse(await readFile(join(runDir, 'checkpoint', 'state.json'), 'utf8'));
      expect(state.epoch).toBe(kept);
      expect(
        (await readdir(join(runDir, 'model')).catch(() => [])).filter((n) => n.endsWith('.tmp')),
      ).toEqual([]);

      const resumed = await runCliInProcess(['train', '--resume', runDir], { timeoutMs: 60_000 });
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain(`after epoch ${kept} of 3`);
      expect(await readOutcome(runDir)).toEqual(reference);
    },
    120_000,
  );
});

/** Mount a tmpfs of `size` on `path`; undefined when it worked, else why not (for the skip line). */
function mountTmpfs(path: string, size: string): string | undefined {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (or CAP_SYS_ADMIN)';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `mount -t tmpfs failed (${stderr || (error as Error).message}; it needs CAP_SYS_ADMIN)`;
  }
}

/**
 * Say why a real-disk test cannot run here. In CI (root in a container, as here) it must run: a
 * mount that fails there fails the test with the reason, unless FMNIST_SKIP_TMPFS is set.
 */
function skipWithoutTmpfs(test: string, whyNot: string): void {
  if (process.env.CI && !process.env.FMNIST_SKIP_TMPFS) {
    throw new Error(
      `${test}: CI must run it, but ${whyNot}. Give the job root with CAP_SYS_ADMIN, or set FMNIST_SKIP_TMPFS=1 to skip it knowingly.`,
    );
  }
  process.stdout.write(`${test} skipped: ${whyNot}\n`);
}

/** Fill the file system of `dir` to the last byte (a write that stops at ENOSPC). */
function fillDisk(dir: string): void {
  const fd = openSync(join(dir, 'filler'), 'a');
  try {
    const chunk = Buffer.alloc(64 * 1024, 1);
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error;
    // Down to the last bytes a page-sized chunk leaves.
    try {
      for (;;) writeSync(fd, Buffer.alloc(512, 1));
    } catch {}
  } finally {
    closeSync(fd);
  }
}

describe('a real full disk (a 1 MB tmpfs, where mounting works)', () => {
  it('report --format html --out on a full disk keeps the old file', async (context) => {
    const mountPoint = join(dir, 'tmpfs');
    await mkdir(mountPoint, { recursive: true });
    const whyNot = mountTmpfs(mountPoint, '1m');
    if (whyNot !== undefined) {
      skipWithoutTmpfs('tmpfs test', whyNot);
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

describe('a real disk that fills up mid-run (an 8 MB tmpfs, where mounting works)', () => {
  // The file layer's seam only says when: the disk is filled to its last byte just before that
  // write, and the write itself meets a real ENOSPC from the kernel.
  const moments: [string, RegExp, number, number][] = [
    [
      "epoch 2's checkpoint, before its first file",
      /checkpoint\.tmp\/model\/\.weights\.bin\./,
      2,
      1,
    ],
    ["epoch 2's checkpoint, before optimizer.bin", /checkpoint\.tmp\/optimizer\.bin$/, 2, 1],
    ['the saved model, before weights.bin', /\d{6}\/model\/\.weights\.bin\./, 1, 3],
  ];

  it.for(moments)(
    'full at %s: failed with the path and what to do, no checkpoint.tmp, the previous checkpoint kept; --resume after freeing space gives the uninterrupted run',
    { timeout: 120_000 },
    async ([moment, pattern, nth, kept], context) => {
      const reference = await readUninterrupted();
      const mountPoint = join(dir, `full-${Math.random().toString(36).slice(2)}`);
      await mkdir(mountPoint, { recursive: true });
      const whyNot = mountTmpfs(mountPoint, '8m');
      if (whyNot !== undefined) {
        skipWithoutTmpfs('real full-disk test', whyNot);
        context.skip();
        return;
      }
      try {
        const out = join(mountPoint, 'runs');
        let seen = 0;
        injectWriteFault((path) => {
          if (path.startsWith(out) && pattern.test(path) && ++seen === nth) fillDisk(mountPoint);
          return undefined;
        });
        const result = await runCliInProcess(TRAIN_3(out), { timeoutMs: 60_000 });
        injectWriteFault();
        expect(seen).toBeGreaterThanOrEqual(nth);
        expect(result.code).toBe(1);
        const runDir = await onlyRun(out);
        expect(result.stderr).toMatch(
          new RegExp(`error: the disk is full \\(${runDir}/[^)]+\\): no space left on the device`),
        );
        expect(result.stderr).toContain('Free some space there');
        expect(result.stderr).toContain(`fmnist train --resume ${runDir}`);
        expect(result.stderr).not.toContain('looks like a bug');
        const record = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'));
        expect(record.status).toBe('failed');
        const names = await readdir(runDir);
        expect(names).not.toContain('checkpoint.tmp');
        const state = JSON.parse(await readFile(join(runDir, 'checkpoint', 'state.json'), 'utf8'));
        expect(state.epoch).toBe(kept);

        await rm(join(mountPoint, 'filler'));
        const resumed = await runCliInProcess(['train', '--resume', runDir], { timeoutMs: 60_000 });
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(await readOutcome(runDir)).toEqual(reference);
        process.stdout.write(`real full-disk test ran: ENOSPC from an 8 MB tmpfs at ${moment}\n`);
      } finally {
        injectWriteFault();
        execFileSync('umount', [mountPoint]);
      }
    },
  );
});
