import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyImages } from '@fmnist/dataset/testing';
import { createRun } from '@fmnist/runs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrainedModel } from './load-trained-model.js';
import { selectBackend } from './select-backend.js';
import { train } from './train.js';

const spec = {
  inputShape: [784],
  layers: [
    { type: 'dense', units: 8, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  optimizer: { name: 'adam' },
  loss: 'categoricalCrossentropy',
};
const data = { train: makeTinyImages(200, { seed: 1 }), test: makeTinyImages(50, { seed: 2 }) };

let root: string;
let runDir: string;
beforeAll(async () => {
  await selectBackend('wasm');
  root = await mkdtemp(join(tmpdir(), 'fmnist-load-trained-'));
  const run = await createRun(root, 'done');
  await train({ spec, data, epochs: 1, batchSize: 50, run });
  await run.close();
  runDir = run.dir;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadTrainedModel', () => {
  it('selects a backend, loads the run and classifies dataset bytes without leaking tensors', async () => {
    const trained = await loadTrainedModel(runDir, { backend: 'wasm' });
    expect(tf.getBackend()).toBe('wasm');
    expect(trained).toMatchObject({ from: 'model', epoch: 1, backend: { name: 'wasm' } });
    const before = tf.memory().numTensors;
    const results = trained.classify(data.test.images.subarray(0, 3 * 784));
    expect(tf.memory().numTensors).toBe(before);
    expect(results).toHaveLength(3);
    for (const result of results) {
      const sum = result.probabilities.reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 5);
      expect(result.probability).toBe(Math.max(...result.probabilities));
      expect(result.className).toBe(trained.classNames[result.label]);
    }
  });

  it('says what it expected when the pixels are not whole images', async () => {
    const trained = await loadTrainedModel(runDir, { backend: 'wasm' });
    expect(() => trained.classify(new Uint8Array(784), 2)).toThrow(
      /expected 2 images of 784 pixels/,
    );
  });
});
