import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';
import { categoricalCrossentropy } from './training-step.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Row 0 is confidently wrong: its labelled class has probability e^-40 ≈ 4e-18, below Keras' clip.
const LOGITS = [
  [40, 0, 0],
  [2, 1, 0],
];
const LABELS = [
  [0, 1, 0],
  [1, 0, 0],
];

describe('softmaxCrossEntropy', () => {
  it('is exact where the clipped loss caps a confidently wrong row at −log(1e-7) ≈ 16.12', () => {
    const exact = tf.tidy(() =>
      softmaxCrossEntropy(tf.tensor2d(LABELS), tf.tensor2d(LOGITS)).dataSync(),
    )[0] as number;
    const row1 = Math.log(Math.exp(2) + Math.exp(1) + 1) - 2;
    expect(exact).toBeCloseTo((40 + row1) / 2, 4);
    const clipped = tf.tidy(() =>
      categoricalCrossentropy(tf.tensor2d(LABELS), tf.softmax(tf.tensor2d(LOGITS))).dataSync(),
    )[0] as number;
    expect(clipped).toBeCloseTo((-Math.log(1e-7) + row1) / 2, 3);
  });

  it("gives Keras' gradient (p − y) / batch, also to the row the clip leaves without one", () => {
    const z = tf.tensor2d(LOGITS);
    const y = tf.tensor2d(LABELS);
    const grad = tf.tidy(() =>
      tf
        .grad((x: tf.Tensor) => softmaxCrossEntropy(y, x))(z)
        .arraySync(),
    );
    const p = tf.tidy(() => tf.softmax(z).arraySync()) as number[][];
    const expected = p.map((row, r) => row.map((v, j) => (v - (LABELS[r]?.[j] as number)) / 2));
    (grad as number[][]).forEach((row, r) => {
      row.forEach((g, j) => {
        expect(g).toBeCloseTo(expected[r]?.[j] as number, 6);
      });
    });
    expect((grad as number[][])[0]?.[1]).toBeCloseTo(-0.5, 6);
    const clippedGrad = tf.tidy(() =>
      tf
        .grad((x: tf.Tensor) => categoricalCrossentropy(y, tf.softmax(x)))(z)
        .arraySync(),
    ) as number[][];
    for (const g of clippedGrad[0] as number[]) expect(Math.abs(g)).toBe(0);
    tf.dispose([z, y]);
  });

  it('keeps a NaN (a diverging run is still caught)', () => {
    const value = tf.tidy(() =>
      softmaxCrossEntropy(
        tf.tensor2d(LABELS),
        tf.tensor2d([
          [0, Number.NaN, 0],
          [1, 2, 3],
        ]),
      ).dataSync(),
    )[0];
    expect(value).toBeNaN();
  });
});
