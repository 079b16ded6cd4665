import { availableParallelism } from 'node:os';
import { makeTinyImages } from '@fmnist/dataset/testing';
import { buildModel, disposeModel, getPreset } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameOnWasmAndCpu } from '../test/compare-backends.js';
import { selectBackend } from './select-backend.js';
import { toInput } from './to-input.js';
import { categoricalCrossentropy } from './training-step.js';

/** The cnn preset's gradients for 8 images, on the active backend (same seed, same weights). */
function cnnGradients(): Float32Array[] {
  const model = buildModel(getPreset('cnn'), { seed: 3 });
  const data = makeTinyImages(8, { seed: 5 });
  const values = tf.tidy(() => {
    const xs = toInput(model, data.images, data.count);
    const ys = tf.oneHot(tf.tensor1d(data.labels, 'int32'), 10);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(
      () => categoricalCrossentropy(ys, model.apply(xs, { training: false }) as tf.Tensor),
      variables,
    );
    return variables.map((v) => (grads[v.name] as tf.Tensor).dataSync().slice() as Float32Array);
  });
  disposeModel(model);
  return values;
}

describe('the cnn preset on wasm, on 2 threads', () => {
  beforeAll(async () => {
    const choice = await selectBackend('wasm', { wasmThreads: 2 });
    // The threaded build under Node (see wasm-threads.ts); one thread on a one-core machine.
    expect(choice.threads).toBe(Math.min(2, availableParallelism()));
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gets the same gradients as on the cpu backend, to float tolerance', async () => {
    await expectSameOnWasmAndCpu(cnnGradients, 1e-3);
  });
});
