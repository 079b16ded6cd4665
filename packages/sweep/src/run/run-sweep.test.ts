import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepError } from '../errors/sweep-error.js';
import { createBuiltInSpaces } from '../space/built-in-spaces.js';
import { readSweepFile, runSweep, type SweepFile, type SweepTrialTask } from './run-sweep.js';
import type { RunnerOutcome, SweepRunner } from './run-sweep-jobs.js';

const HOLDOUT = 20;
const holdoutLabels = Array.from({ length: HOLDOUT }, (_, i) => i % 10);

/** Stands in for `fmnist train` children: writes a run record whose accuracy depends on lr and epochs. */
function createFakeRunner() {
  const ran: { id: string; action: string; epochs: number }[] = [];
  const runner: SweepRunner = {
    async run(job) {
      const task = JSON.parse(job.args[0] as string) as {
        runDir: string;
        action: string;
        epochs: number;
        lr: number;
        momentum: number;
        test: boolean;
      };
      ran.push({ id: job.id, action: task.action, epochs: task.epochs });
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (task.lr * (1 + task.momentum * 10) > 1.5) {
        return {
          id: job.id,
          status: 'failed',
          error: { message: 'the loss became NaN at epoch 1, batch 3', code: 'LOSS_NOT_FINITE' },
        };
      }
      const accuracy = Math.min(0.95, 0.5 + task.lr + task.epochs / 100);
      const right = Math.round(accuracy * HOLDOUT);
      const predicted = holdoutLabels.map((label, i) => (i < right ? label : (label + 1) % 10));
      const record = {
        status: 'completed',
        history: Array.from({ length: task.epochs }, (_, i) => ({
          epoch: i + 1,
          valAccuracy: accuracy,
        })),
        metrics: {
          validation: { accuracy, loss: 1 - accuracy },
          ...(task.test ? { test: { accuracy: accuracy - 0.01, loss: 0.5 } } : {}),
        },
        validationPredictions: {
          split: 'validation',
          predicted: Buffer.from(predicted).toString('base64'),
        },
      };
      await writeFile(join(task.runDir, 'run.json'), JSON.stringify(record));
      return { id: job.id, status: 'completed', record } satisfies RunnerOutcome;
    },
  };
  return { runner, ran };
}

const toRunnerArgs = (task: SweepTrialTask) => [
  JSON.stringify({
    runDir: task.runDir,
    action: task.action,
    epochs: task.setup.epochs,
    lr: task.setup.spec.optimizer.learningRate,
    momentum: task.setup.spec.optimizer.name === 'sgd' ? task.setup.spec.optimizer.momentum : 0,
    test: task.retrain === true,
  }),
];

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'fmnist-sweep-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const request = { strategy: 'asha', trials: 6, seeds: 2, epochs: 3, minEpochs: 1 } as const;

describe('runSweep', () => {
  it('runs an ASHA sweep to sweep.json and report.md, promoting by resuming runs', async () => {
    const { runner, ran } = createFakeRunner();
    const { dir, file } = await runSweep({
      space: createBuiltInSpaces()['sgd-momentum'],
      request,
      out,
      runner,
      runnerInfo: { kind: 'local', jobs: 2 },
      toRunnerArgs,
      holdoutLabels,
    });
    expect(file.status).toBe('completed');
    const written = JSON.parse(await readFile(join(dir, 'sweep.json'), 'utf8')) as SweepFile;
    expect(written.table.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(written.table[0]?.epochs).toBe(3);
    expect(written.table[1]?.mcnemar?.against).toBe(written.table[0]?.configurationId);
    const promoted = ran.filter((job) => job.epochs === 3);
    expect(promoted.length).toBeGreaterThanOrEqual(2);
    expect(promoted.every((job) => job.action === 'resume')).toBe(true);
    expect(written.runs.every((run) => run.path.startsWith('runs/c0'))).toBe(true);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toMatch(
      /^# Sweep sgd-momentum\n\nasha, 6 configurations × 2 seeds, 1 → 3 epochs/,
    );
  });

  it('retrains the best configuration once, the one run scored on the test set', async () => {
    const { runner, ran } = createFakeRunner();
    const { dir, file } = await runSweep({
      space: createBuiltInSpaces()['sgd-momentum'],
      request,
      out,
      runner,
      runnerInfo: { kind: 'local', jobs: 2 },
      toRunnerArgs,
      holdoutLabels,
      retrainEpochs: 10,
    });
    const best = file.table[0]?.configurationId;
    expect(file.retrain).toMatchObject({
      configurationId: best,
      path: `retrain/${best}-e10`,
      status: 'completed',
      epochs: 10,
    });
    expect(file.retrain?.testAccuracy).toBeGreaterThan(0);
    expect(ran.at(-1)).toMatchObject({ action: 'start', epochs: 10 });
    expect(ran.filter((job) => job.id.includes('retrain'))).toHaveLength(1);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toMatch(
      /Retrained c0\d for 10 epochs .*: completed, test accuracy/,
    );
  });

  it('carries an interrupted sweep on with --resume, to the jobs an uninterrupted one runs', async () => {
    const whole = createFakeRunner();
    await runSweep({
      space: createBuiltInSpaces()['sgd-momentum'],
      request,
      out,
      runner: whole.runner,
      runnerInfo: { kind: 'local', jobs: 1 },
      toRunnerArgs,
      holdoutLabels,
    });

    const first = createFakeRunner();
    const controller = new AbortController();
    const stopped = await runSweep({
      space: createBuiltInSpaces()['sgd-momentum'],
      request,
      out,
      runner: first.runner,
      runnerInfo: { kind: 'local', jobs: 1 },
      toRunnerArgs,
      holdoutLabels,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'trial-finished' && first.ran.length === 5) controller.abort();
      },
    });
    expect(stopped.file.status).toBe('interrupted');
    const second = createFakeRunner();
    const resumed = await runSweep({
      resume: stopped.dir,
      runner: second.runner,
      runnerInfo: { kind: 'local', jobs: 1 },
      toRunnerArgs,
      holdoutLabels,
    });
    expect(resumed.file.status).toBe('completed');
    const ids = (list: { id: string }[]) => list.map((job) => job.id.split('/')[1]);
    expect([...ids(first.ran), ...ids(second.ran)].sort()).toEqual(ids(whole.ran).sort());
    expect(resumed.file.table.map((row) => row.configurationId)).toEqual(
      (JSON.parse(await readFile(join(stopped.dir, 'sweep.json'), 'utf8')) as SweepFile).table.map(
        (row) => row.configurationId,
      ),
    );
  });
});

describe('readSweepFile', () => {
  it('says what is wrong with a sweep.json it cannot resume from, never a bare parse error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-sweep-read-'));
    await expect(readSweepFile(dir)).rejects.toThrow(/sweep\.json is missing/);
    await writeFile(join(dir, 'sweep.json'), '{"schemaVersion": 1, "name": ');
    const damaged = await readSweepFile(dir).catch((error: unknown) => error);
    expect(SweepError.isInstance(damaged)).toBe(true);
    expect((damaged as Error).message).toMatch(/sweep\.json is not valid JSON/);
    await writeFile(join(dir, 'sweep.json'), '{"schemaVersion": 1, "name": "x"}');
    await expect(readSweepFile(dir)).rejects.toThrow(/is not a sweep record fmnist can read/);
    await rm(dir, { recursive: true, force: true });
  });
});
