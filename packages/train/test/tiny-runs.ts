// Test helpers: tiny generated data, tiny specs, and run directories trained for real on them —
// the scaffolding the training tests share instead of each building its own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyImages } from '@fmnist/dataset/testing';
import { createRun, type RunHandle } from '@fmnist/runs';
import type * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll } from 'vitest';
import type { HistoryEntry } from '../src/history.js';
import { selectBackend } from '../src/select-backend.js';
import { type TrainOptions, train } from '../src/train.js';

/** `train` tiny images of seed 1 and `test` ones of seed 2 (see `makeTinyImages`). */
export function tinyData(train = 400, test = 100) {
  return { train: makeTinyImages(train, { seed: 1 }), test: makeTinyImages(test, { seed: 2 }) };
}

/** A dense network for 28×28 images: `hidden` relu layers (optionally dropout first), softmax out. */
export function tinyMlp(
  optimizer: Record<string, unknown>,
  options: { hidden?: number[]; dropout?: boolean } = {},
) {
  const { hidden = [16, 16], dropout = false } = options;
  return {
    inputShape: [784],
    layers: [
      ...(dropout ? [{ type: 'dropout', rate: 0.2 }] : []),
      ...hidden.map((units) => ({ type: 'dense', units, activation: 'relu' })),
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
    optimizer,
    loss: 'categoricalCrossentropy',
  };
}

/** A history without its wall times, to compare two runs. */
export const withoutTime = (history: HistoryEntry[]) =>
  history.map(({ seconds: _, ...rest }) => rest);

/** A model's weights as plain arrays, to compare two models. */
export const weightsOf = (model: tf.LayersModel) =>
  model.getWeights().map((w) => Array.from(w.dataSync()));

/**
 * A temporary directory for this test file's runs, with the wasm backend selected first; removed
 * after the file's tests. Call at the top level; the getter gives the directory inside tests.
 */
export function useRunsRoot(prefix: string): () => string {
  let root: string | undefined;
  beforeAll(async () => {
    await selectBackend('wasm');
    root = await mkdtemp(join(tmpdir(), `fmnist-${prefix}-`));
  });
  afterAll(async () => {
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });
  return () => {
    if (root === undefined) throw new Error('useRunsRoot: the directory exists only inside tests');
    return root;
  };
}

/**
 * Train a run into `<root>/<name>-<time>` (unlocked, so that the test may open it again):
 * `options` as {@link train}'s, batch 50 unless said. `stopAfter`: interrupt it after this
 * epoch, as Ctrl-C would.
 */
export async function trainTinyRun(
  root: string,
  name: string,
  options: Omit<TrainOptions, 'run' | 'signal'> & { stopAfter?: number },
): Promise<RunHandle> {
  const { stopAfter, ...rest } = options;
  const run = await createRun(root, name, { lock: false });
  const controller = new AbortController();
  await train({
    batchSize: 50,
    ...rest,
    run,
    signal: controller.signal,
    onEvent: (event) => {
      rest.onEvent?.(event);
      if (event.type === 'epoch' && event.epoch === stopAfter) controller.abort();
    },
  });
  return run;
}
