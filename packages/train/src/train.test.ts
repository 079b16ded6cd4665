import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRun } from '@fmnist/runs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { tinyData, tinyMlp, useRunsRoot, weightsOf, withoutTime } from '../test/tiny-runs.js';
import { earlyStopping } from './early-stopping.js';
import { TrainError } from './errors.js';
import { reduceLrOnPlateau } from './reduce-lr-on-plateau.js';
import { resume } from './resume.js';
import { type TrainOptions, train } from './train.js';

const data = tinyData();
const mlp = (optimizer: Record<string, unknown>, dropout = false) =>
  tinyMlp(optimizer, { dropout });
const root = useRunsRoot('train');

const base = (spec: unknown): TrainOptions => ({
  spec,
  data,
  epochs: 3,
  batchSize: 50,
  seed: 7,
  validation: { holdout: 0.2 },
});

describe('train', () => {
  it('learns the generated data, writes the run directory and gives the same history for the same seed', async () => {
    const run = await createRun(root(), 'first', { lock: false });
    const runDir = run.dir;
    const first = await train({ ...base(mlp({ name: 'adam', learningRate: 0.01 })), run });
    const second = await train(base(mlp({ name: 'adam', learningRate: 0.01 })));
    expect(withoutTime(first.history)).toEqual(withoutTime(second.history));
    expect(weightsOf(first.model)).toEqual(weightsOf(second.model));
    expect(first.record.metrics?.test?.accuracy).toBeGreaterThan(0.8);
    expect((await readdir(runDir)).sort()).toEqual([
      'checkpoint',
      'model',
      'report.md',
      'run.json',
    ]);
    const record = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'));
    expect(record.status).toBe('completed');
    expect(record.history).toHaveLength(3);
    expect(record.config.validation).toEqual({ mode: 'holdout', size: 0.2 });
    expect(record.data).toMatchObject({ train: 320, validation: 80, test: 100 });
    expect(record.environment.backend.name).toBe('wasm');
    expect(record.confusionMatrix).toHaveLength(10);
    expect(record.samples.length).toBeGreaterThan(0);
    expect(Buffer.from(record.predictions.predicted, 'base64')).toHaveLength(100);
    expect(record.predictions.labelsSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('flags validation on the test set as leakage', async () => {
    const result = await train({ ...base(mlp({ name: 'sgd' })), epochs: 1, validation: 'test' });
    expect(result.record.config.validation).toEqual({ mode: 'test', leakage: true });
    expect(result.history[0]?.valAccuracy).toBe(result.record.metrics?.test?.accuracy);
  });

  it('does not leak tensors across epochs', async () => {
    const counts: number[] = [];
    await train({
      ...base(mlp({ name: 'adam' }, true)),
      epochs: 5,
      onEvent: (e) => {
        if (e.type === 'epoch') counts.push(tf.memory().numTensors);
      },
    });
    expect(counts[4]).toBe(counts[0]);
  });

  for (const [label, spec] of [
    ['adam', mlp({ name: 'adam', learningRate: 0.01 })],
    ['rmsprop', mlp({ name: 'rmsprop' })],
    [
      'sgd with dropout and momentum',
      mlp({ name: 'sgd', learningRate: 0.05, momentum: 0.9 }, true),
    ],
  ] as const) {
    it(`resumes ${label} to the same weights and history as a run never stopped`, async () => {
      const whole = await train(base(spec));
      const run = await createRun(root(), `resume-${label}`, { lock: false });
      const runDir = run.dir;
      const controller = new AbortController();
      const stopped = await train({
        ...base(spec),
        run,
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'batch' && e.epoch === 2 && e.batch === 3) controller.abort();
        },
      });
      expect(stopped.status).toBe('interrupted');
      expect(stopped.history).toHaveLength(1);
      const interrupted = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'));
      expect(interrupted.status).toBe('interrupted');
      const resumed = await resume(run, { data });
      expect(resumed.status).toBe('completed');
      expect(withoutTime(resumed.history)).toEqual(withoutTime(whole.history));
      expect(weightsOf(resumed.model)).toEqual(weightsOf(whole.model));
    });
  }

  it('stops a diverging run as failed, naming the epoch and batch', async () => {
    const run = await createRun(root(), 'nan', { lock: false });
    const runDir = run.dir;
    const training = train({ ...base(mlp({ name: 'sgd', learningRate: 1e38 })), run });
    await expect(training).rejects.toThrow(/epoch 1, batch \d+.*lower learning rate/);
    await expect(training).rejects.toSatisfy(
      (e) => TrainError.isInstance(e) && e.code === 'LOSS_NOT_FINITE',
    );
    const record = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'));
    expect(record.status).toBe('failed');
    expect(record.error.epoch).toBe(1);
  });

  it('refuses a corrupt checkpoint with a clear error and leaves the run directory as it was', async () => {
    const run = await createRun(root(), 'corrupt', { lock: false });
    const runDir = run.dir;
    const controller = new AbortController();
    await train({
      ...base(mlp({ name: 'adam' })),
      run,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'epoch' && e.epoch === 2) controller.abort();
      },
    });
    const optimizerFile = join(runDir, 'checkpoint', 'optimizer.bin');
    await truncate(optimizerFile, 100);
    const snapshot = async () => {
      const files = await readdir(runDir, { recursive: true });
      return Promise.all(
        files.sort().map(async (f) => [f, await readFile(join(runDir, f)).catch(() => 'dir')]),
      );
    };
    const before = await snapshot();
    const attempt = resume(run, { data });
    await expect(attempt).rejects.toThrow(/optimizer\.bin has 100 bytes.*truncated/);
    await expect(attempt).rejects.toSatisfy(
      (e: unknown) => TrainError.isInstance(e) && e.code === 'CHECKPOINT_INVALID',
    );
    expect(await snapshot()).toEqual(before);
    await writeFile(join(runDir, 'checkpoint', 'state.json'), '{"checkpointVersion": 1, "epo');
    await expect(resume(run, { data })).rejects.toThrow(/state\.json is missing or not JSON/);
  });
});

describe('callbacks', () => {
  it('early stopping stops after patience and restores the best weights', async () => {
    const result = await train({
      ...base(mlp({ name: 'adam' })),
      epochs: 6,
      callbacks: [
        earlyStopping({
          monitor: 'valAccuracy',
          patience: 1,
          minDelta: 2,
          restoreBestWeights: true,
        }),
      ],
    });
    expect(result.history).toHaveLength(3);
    expect(result.record.events?.map((e) => e.type)).toContain('stop');
    const bestOnly = await train({ ...base(mlp({ name: 'adam' })), epochs: 1 });
    expect(weightsOf(result.model)).toEqual(weightsOf(bestOnly.model));
    expect(result.record.config.callbacks).toEqual({
      earlyStopping: {
        monitor: 'valAccuracy',
        mode: 'max',
        patience: 1,
        minDelta: 2,
        restoreBestWeights: true,
      },
    });
  });

  it('reduce-LR-on-plateau multiplies the learning rate when the monitor stalls', async () => {
    const result = await train({
      ...base(mlp({ name: 'sgd', learningRate: 0.1 })),
      epochs: 4,
      callbacks: [reduceLrOnPlateau({ monitor: 'loss', patience: 1, factor: 0.5, minDelta: 100 })],
    });
    expect(result.history.map((h) => h.learningRate)).toEqual([0.1, 0.1, 0.05, 0.025]);
  });
});
