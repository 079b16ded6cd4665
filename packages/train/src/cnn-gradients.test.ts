import { buildModel, getPreset } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeImages } from '../test/make-data.js';
import { selectBackend } from './select-backend.js';
import { toInput } from './to-input.js';
import { categoricalCrossentropy } from './training-step.js';

async function cnnGradients(backend: 'wasm' | 'cpu'): Promise<Float32Array[]> {
  await selectBackend(backend);
  const model = buildModel(getPreset('cnn'), { seed: 3 });
  const data = makeImages(8, 5);
  const grads = tf.tidy(() => {
    const xs = toInput(model, data.images, data.count);
    const ys = tf.oneHot(tf.tensor1d(data.labels, 'int32'), 10);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(
      () => categoricalCrossentropy(ys, model.apply(xs, { training: false }) as tf.Tensor),
      variables,
    );
    return variables.map((v) => grads[v.name] as tf.Tensor);
  });
  const values = grads.map((g) => g.dataSync().slice() as Float32Array);
  tf.dispose(grads);
  model.dispose();
  return values;
}

describe('the cnn preset on wasm', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gets the same gradients as on the cpu backend, to float tolerance', {
    timeout: 60_000,
  }, async () => {
    const wasm = await cnnGradients('wasm');
    const cpu = await cnnGradients('cpu');
    expect(wasm.length).toBe(cpu.length);
    expect(wasm.length).toBeGreaterThan(4);
    for (const [i, expected] of cpu.entries()) {
      const actual = wasm[i] as Float32Array;
      let scale = 1e-3;
      let worst = 0;
      for (let k = 0; k < expected.length; k++) {
        scale = Math.max(scale, Math.abs(expected[k] as number));
        worst = Math.max(worst, Math.abs((actual[k] as number) - (expected[k] as number)));
      }
      expect(worst, `weight ${i}`).toBeLessThanOrEqual(1e-3 * scale);
    }
  });
});
