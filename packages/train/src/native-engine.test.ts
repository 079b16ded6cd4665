import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyImages } from '@fmnist/dataset/testing';
import { createRun } from '@fmnist/runs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainError } from './errors.js';
import type { HistoryEntry } from './history.js';
import { resume } from './resume.js';
import { type BackendChoice, selectBackend } from './select-backend.js';
import { type TrainOptions, train } from './train.js';

const data = { train: makeTinyImages(400, { seed: 1 }), test: makeTinyImages(100, { seed: 2 }) };

function mlp(optimizer: Record<string, unknown>, dropout = false) {
  return {
    inputShape: [784],
    layers: [
      ...(dropout ? [{ type: 'dropout', rate: 0.2 }] : []),
      { type: 'dense', units: 16, activation: 'relu' },
      { type: 'dense', units: 16, activation: 'relu' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
    optimizer,
    loss: 'categoricalCrossentropy',
  };
}

const withoutTime = (history: HistoryEntry[]) => history.map(({ seconds: _, ...rest }) => rest);
const weightsOf = (model: tf.LayersModel) =>
  model.getWeights().map((w) => Array.from(w.dataSync()));

let root: string;
let native: BackendChoice;
let wasm: BackendChoice;
beforeAll(async () => {
  wasm = await selectBackend('wasm');
  native = await selectBackend('native');
  root = await mkdtemp(join(tmpdir(), 'fmnist-native-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const base = (spec: unknown, backend: BackendChoice): TrainOptions => ({
  spec,
  data,
  epochs: 3,
  batchSize: 50,
  seed: 7,
  validation: { holdout: 0.2 },
  backend,
});

describe('train on the native step', () => {
  it('records native as the backend, learns, and keeps tf.memory flat', async () => {
    const counts: number[] = [];
    const result = await train({
      ...base(mlp({ name: 'adam', learningRate: 0.01 }), native),
      epochs: 4,
      onEvent: (e) => {
        if (e.type === 'epoch') counts.push(tf.memory().numTensors);
      },
    });
    expect(result.record.environment.backend.name).toBe('native');
    expect(result.record.metrics?.test?.accuracy).toBeGreaterThan(0.8);
    expect(counts[3]).toBe(counts[1]);
  });

  for (const [label, spec] of [
    ['adam', mlp({ name: 'adam', learningRate: 0.01 })],
    ['rmsprop', mlp({ name: 'rmsprop' })],
    ['rmsprop with momentum', mlp({ name: 'rmsprop', momentum: 0.5 })],
    [
      'sgd with dropout and momentum',
      mlp({ name: 'sgd', learningRate: 0.05, momentum: 0.9 }, true),
    ],
    ['sgd with nesterov', mlp({ name: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true })],
  ] as const) {
    it(`${label}: the same seed gives the same history; resumed == never stopped`, async () => {
      const whole = await train(base(spec, native));
      const again = await train(base(spec, native));
      expect(withoutTime(again.history)).toEqual(withoutTime(whole.history));
      expect(weightsOf(again.model)).toEqual(weightsOf(whole.model));
      const run = await createRun(root, `resume-${label}`, { lock: false });
      const runDir = run.dir;
      const controller = new AbortController();
      const stopped = await train({
        ...base(spec, native),
        run,
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'batch' && e.epoch === 2 && e.batch === 3) controller.abort();
        },
      });
      expect(stopped.status).toBe('interrupted');
      const resumed = await resume(run, { data, backend: native });
      expect(resumed.status).toBe('completed');
      expect(withoutTime(resumed.history)).toEqual(withoutTime(whole.history));
      expect(weightsOf(resumed.model)).toEqual(weightsOf(whole.model));
    });
  }

  it.each([
    ['plain SGD with dropout', mlp({ name: 'sgd', learningRate: 0.1 }, true)],
    ['Adam', mlp({ name: 'adam', learningRate: 0.01 })],
    ['RMSprop', mlp({ name: 'rmsprop' }, true)],
    ['RMSprop with momentum', mlp({ name: 'rmsprop', momentum: 0.5 })],
    ['SGD with momentum', mlp({ name: 'sgd', learningRate: 0.05, momentum: 0.9 }, true)],
  ] as const)(
    '%s: native and tfjs (Keras rules on both) agree to float tolerance',
    async (_, spec) => {
      const a = await train(base(spec, native));
      const b = await train(base(spec, wasm));
      expect(b.record.environment.backend.name).toBe('wasm');
      a.history.forEach((entry, i) => {
        const other = b.history[i] as HistoryEntry;
        expect(entry.loss).toBeCloseTo(other.loss, 4);
        expect(entry.valLoss as number).toBeCloseTo(other.valLoss as number, 4);
      });
    },
  );

  for (const [from, to] of [
    ['native', 'wasm'],
    ['wasm', 'native'],
  ] as const) {
    it(`resumes on ${to} a checkpoint written on ${from}`, async () => {
      const spec = mlp({ name: 'sgd', learningRate: 0.1, momentum: 0 }, true);
      const choice = { native, wasm };
      const whole = await train(base(spec, choice[to]));
      const run = await createRun(root, `across-${from}`, { lock: false });
      const runDir = run.dir;
      const controller = new AbortController();
      await train({
        ...base(spec, choice[from]),
        run,
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'epoch' && e.epoch === 2) controller.abort();
        },
      });
      const resumed = await resume(run, { data, backend: choice[to] });
      expect(resumed.status).toBe('completed');
      expect(resumed.record.environment.backend.name).toBe(to);
      expect(resumed.history).toHaveLength(3);
      expect(resumed.history[2]?.loss as number).toBeCloseTo(whole.history[2]?.loss as number, 3);
    });
  }

  it('falls back to tfjs for a spec it does not run, and says why', async () => {
    const spec = mlp({ name: 'sgd' });
    spec.layers[0] = { type: 'dense', units: 16, activation: 'tanh' };
    const result = await train({ ...base(spec, native), epochs: 1 });
    expect(result.record.environment.backend.name).toBe('wasm');
    expect(result.record.environment.backend.reason).toMatch(
      /native step does not run this spec.*tanh/,
    );
    expect(result.record.environment.passedOver).toContainEqual({
      name: 'native',
      reason: expect.stringMatching(/layer 1 \(dense\): activation tanh/),
    });
  });

  it('stops a diverging run with LOSS_NOT_FINITE', async () => {
    const run = await createRun(root, 'nan', { lock: false });
    const runDir = run.dir;
    const attempt = train({ ...base(mlp({ name: 'sgd', learningRate: 1e6 }), native), run });
    await expect(attempt).rejects.toThrow(TrainError);
    const record = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'));
    expect(record.status).toBe('failed');
  });
});
