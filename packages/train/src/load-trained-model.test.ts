import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyData, tinyMlp, trainTinyRun, useRunsRoot } from '../test/tiny-runs.js';
import { loadTrainedModel } from './load-trained-model.js';

const spec = tinyMlp({ name: 'adam' }, { hidden: [8] });
const data = tinyData(200, 50);
const root = useRunsRoot('load-trained');

let runDir: string;
beforeAll(async () => {
  const run = await trainTinyRun(root(), 'done', { spec, data, epochs: 1 });
  runDir = run.dir;
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
