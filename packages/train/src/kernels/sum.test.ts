import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectSameOnWasmAndCpu, seeded } from '../../test/compare-backends.js';
import { selectBackend } from '../select-backend.js';

const cases: { shape: number[]; axis: number | number[]; keepDims?: boolean }[] = [
  { shape: [20, 28, 28, 32], axis: [0, 1, 2] },
  { shape: [7, 5, 3], axis: [1, 0], keepDims: true },
  { shape: [9, 4], axis: 0 },
  { shape: [3, 4, 5], axis: -1 },
  { shape: [3, 4, 5], axis: [0, 2] },
];

describe('Sum on wasm', () => {
  beforeAll(async () => {
    // Conv nets train on a thread per core (wasmThreadsFor): test the kernels there.
    await selectBackend('wasm', {
      wasmThreads: 2,
      openblas: process.env.FMNIST_OPENBLAS !== 'off',
    });
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const c of cases) {
    it(`matches the cpu backend: ${c.shape.join('×')}, axis ${String(c.axis)}${c.keepDims ? ', keepDims' : ''}`, async () => {
      const n = c.shape.reduce((a, b) => a * b, 1);
      for (const amplitude of [1, 1e4, 0]) {
        const values = seeded(n, 3, amplitude);
        await expectSameOnWasmAndCpu(
          () =>
            tf.tidy(() => [
              tf.tensor(values, c.shape).sum(c.axis, c.keepDims).dataSync().slice() as Float32Array,
            ]),
          1e-5,
        );
      }
    });
  }
});
