import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectSameOnWasmAndCpu, seeded } from '../../test/compare-backends.js';
import { selectBackend } from '../select-backend.js';

type Case = {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number;
};

const cases: Case[] = [
  { x: [2, 5, 5, 1], filter: [3, 3, 1, 2], strides: 1, pad: 'same' },
  { x: [3, 7, 6, 3], filter: [3, 3, 3, 4], strides: 1, pad: 'valid' },
  { x: [2, 8, 8, 2], filter: [3, 2, 2, 5], strides: 2, pad: 'same' },
  { x: [1, 9, 7, 4], filter: [5, 5, 4, 3], strides: [2, 1], pad: 'valid' },
  { x: [2, 6, 6, 2], filter: [3, 3, 2, 2], strides: 1, pad: 1 },
  { x: [2, 7, 8, 3], filter: [2, 4, 3, 2], strides: 1, pad: 'same' },
  { x: [4, 28, 28, 1], filter: [3, 3, 1, 8], strides: 1, pad: 'same' },
  { x: [2, 3, 4, 2], filter: [5, 7, 2, 3], strides: 1, pad: 'same' },
  { x: [3, 14, 14, 32], filter: [3, 3, 32, 16], strides: 1, pad: 'same' },
];

const size = (s: number[]) => s.reduce((a, b) => a * b, 1);

describe('conv2d and its gradients on wasm (Conv2D, Conv2DBackpropFilter, Conv2DBackpropInput)', () => {
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

  for (const [i, c] of cases.entries()) {
    it(`match the cpu backend: x ${c.x.join('×')}, filter ${c.filter.join('×')}, strides ${c.strides}, pad ${c.pad}`, async () => {
      for (const [amplitude, scale] of [
        [1, 1],
        [1000, 1e-6],
        [0, 1],
      ] as const) {
        const xv = seeded(size(c.x), 17 + i, amplitude);
        const wv = seeded(size(c.filter), 99 + i, 1);
        await expectSameOnWasmAndCpu(
          () =>
            tf.tidy(() => {
              const loss = (x: tf.Tensor, w: tf.Tensor) =>
                tf
                  .conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad)
                  .square()
                  .mul(scale)
                  .sum();
              const [x, w] = [tf.tensor4d(xv, c.x), tf.tensor4d(wv, c.filter)];
              const y = tf.conv2d(x, w, c.strides, c.pad);
              const [dx, dw] = tf.grads(loss)([x, w]);
              return [y, dx, dw].map((t) => t?.dataSync().slice()) as Float32Array[];
            }),
          1e-4,
        );
      }
    });
  }
});
