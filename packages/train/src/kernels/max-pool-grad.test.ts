import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectSameOnWasmAndCpu, seeded } from '../../test/compare-backends.js';
import { selectBackend } from '../select-backend.js';

const cases: {
  x: [number, number, number, number];
  size: number | [number, number];
  strides: number;
  pad: 'same' | 'valid';
}[] = [
  { x: [2, 28, 28, 3], size: 2, strides: 2, pad: 'valid' },
  { x: [2, 7, 9, 5], size: 2, strides: 2, pad: 'valid' },
  { x: [1, 8, 6, 2], size: 2, strides: 2, pad: 'same' },
  { x: [1, 7, 7, 2], size: 2, strides: 2, pad: 'same' },
  { x: [2, 9, 8, 1], size: 3, strides: 2, pad: 'valid' },
  { x: [1, 6, 6, 4], size: [3, 2], strides: 1, pad: 'same' },
];

describe('MaxPoolGrad on wasm', () => {
  beforeAll(async () => {
    // Conv nets train on a thread per core (wasmThreadsFor): test the kernels there.
    await selectBackend('wasm', { wasmThreads: 2 });
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const c of cases) {
    it(`matches the cpu backend: x ${c.x.join('×')}, size ${c.size}, strides ${c.strides}, pad ${c.pad}`, async () => {
      const n = c.x.reduce((a, b) => a * b, 1);
      // Ties (zeros, and rounded values) check that the first largest input gets the gradient.
      for (const values of [
        seeded(n, 5, 10),
        new Float32Array(n),
        seeded(n, 9, 3).map(Math.round),
      ]) {
        await expectSameOnWasmAndCpu(
          () =>
            tf.tidy(() => {
              const f = (x: tf.Tensor) =>
                tf
                  .maxPool(x as tf.Tensor4D, c.size, c.strides, c.pad)
                  .mul(tf.range(1, 2, 1))
                  .sum();
              return [tf.grad(f)(tf.tensor4d(values, c.x)).dataSync().slice() as Float32Array];
            }),
          1e-6,
        );
      }
    });
  }
});
