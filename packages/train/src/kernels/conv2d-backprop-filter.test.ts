import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  { x: [4, 28, 28, 1], filter: [3, 3, 1, 8], strides: 1, pad: 'same' },
];

function filterGradient(c: Case, xv: Float32Array, wv: Float32Array, scale: number) {
  return tf.tidy(() => {
    const x = tf.tensor4d(xv, c.x);
    const w = tf.tensor4d(wv, c.filter);
    const f = (filter: tf.Tensor) =>
      tf
        .conv2d(x, filter as tf.Tensor4D, c.strides, c.pad)
        .square()
        .mul(scale)
        .sum();
    return tf.grad(f)(w).dataSync().slice();
  });
}

function seeded(n: number, seed: number, amplitude: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 2 * amplitude;
  }
  return out;
}

describe('Conv2DBackpropFilter on wasm', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const [i, c] of cases.entries()) {
    it(`matches the cpu backend: x ${c.x.join('×')}, filter ${c.filter.join('×')}, strides ${c.strides}, pad ${c.pad}`, async () => {
      const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
      for (const [amplitude, scale] of [
        [1, 1],
        [1000, 1e-6],
        [0, 1],
      ] as const) {
        const xv = seeded(size(c.x), 17 + i, amplitude);
        const wv = seeded(size(c.filter), 99 + i, 1);
        await tf.setBackend('wasm');
        const before = tf.memory().numTensors;
        const wasm = filterGradient(c, xv, wv, scale);
        expect(tf.memory().numTensors).toBe(before);
        await tf.setBackend('cpu');
        const cpu = filterGradient(c, xv, wv, scale);
        const tolerance = 1e-4 * Math.max(1, ...Array.from(cpu, Math.abs));
        for (let k = 0; k < cpu.length; k++) {
          expect(Math.abs((wasm[k] as number) - (cpu[k] as number))).toBeLessThanOrEqual(tolerance);
        }
      }
    });
  }
});
