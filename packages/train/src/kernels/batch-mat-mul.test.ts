import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameOnWasmAndCpu, seeded } from '../../test/compare-backends.js';
import { selectBackend } from '../select-backend.js';

// Products run on OpenBLAS (@fmnist/openblas, built by `pnpm install` where scripts/setup.sh has
// installed OpenBLAS); batch-mat-mul-without-openblas.test.ts runs these tests again with it turned off.
const expected = process.env.FMNIST_OPENBLAS === 'off' ? 'XNNPACK' : 'OpenBLAS';

const size = (s: number[]) => s.reduce((a, b) => a * b, 1);

// [a shape, b shape] before transposition: inner sizes agree once the flags are applied.
const shapes: [number[], number[]][] = [
  [
    [200, 784],
    [784, 128],
  ],
  [
    [7, 13],
    [13, 5],
  ],
  [
    [1, 1],
    [1, 1],
  ],
  [
    [3, 17, 9],
    [3, 9, 11],
  ],
  [
    [2, 4, 6, 5],
    [2, 4, 5, 3],
  ],
  [
    [31, 1],
    [1, 29],
  ],
  // Batch dimensions broadcast.
  [
    [1, 4, 6],
    [3, 6, 2],
  ],
  [
    [3, 4, 6],
    [6, 2],
  ],
];

describe(`BatchMatMul on wasm, products on ${expected}`, () => {
  beforeAll(async () => {
    const choice = await selectBackend('wasm', { openblas: process.env.FMNIST_OPENBLAS !== 'off' });
    expect(choice.matmul).toBe(expected);
    expect(choice.reason).toContain(
      expected === 'OpenBLAS'
        ? 'matrix products on OpenBLAS'
        : 'matrix products on XNNPACK (OpenBLAS: turned off (openblas: false',
    );
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const [aBase, bBase] of shapes) {
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        it(`matches the cpu backend: ${aBase.join('×')} · ${bBase.join('×')}, transposeA ${transposeA}, transposeB ${transposeB}`, async () => {
          const flip = (s: number[], t: boolean) =>
            t ? [...s.slice(0, -2), s.at(-1) as number, s.at(-2) as number] : s;
          const aShape = flip(aBase, transposeA);
          const bShape = flip(bBase, transposeB);
          for (const amplitude of [1, 1e4, 0]) {
            const av = seeded(size(aShape), aShape.length * 7 + 1, amplitude);
            const bv = seeded(size(bShape), bShape.length * 11 + 3, 1);
            await expectSameOnWasmAndCpu(
              () =>
                tf.tidy(() => [
                  tf
                    .matMul(tf.tensor(av, aShape), tf.tensor(bv, bShape), transposeA, transposeB)
                    .dataSync()
                    .slice() as Float32Array,
                ]),
              1e-5,
            );
          }
        });
      }
    }
  }
});
