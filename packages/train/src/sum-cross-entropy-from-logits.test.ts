import { describe, expect, it } from 'vitest';
import { sumCrossEntropyFromLogits } from './sum-cross-entropy-from-logits.js';

describe('sumCrossEntropyFromLogits', () => {
  it('sums each row exactly, with no clip', () => {
    expect(sumCrossEntropyFromLogits(Float32Array.of(1000, 0), [1], 2)).toBe(1000);
    const row = Math.log(Math.exp(2) + Math.exp(1) + 1) - 2;
    expect(sumCrossEntropyFromLogits(Float32Array.of(2, 1, 0), [0], 3)).toBeCloseTo(row, 12);
    expect(sumCrossEntropyFromLogits(Float32Array.of(0, 0, 0, 0), [0, 1], 2)).toBeCloseTo(
      2 * Math.LN2,
      12,
    );
  });

  it('is NaN when any logit is, wherever it sits in the row', () => {
    for (const at of [0, 1, 2]) {
      const logits = Float32Array.of(1, 2, 3);
      logits[at] = Number.NaN;
      expect(sumCrossEntropyFromLogits(logits, [2], 3)).toBeNaN();
    }
    expect(
      sumCrossEntropyFromLogits(Float32Array.of(Number.POSITIVE_INFINITY, 0), [1], 2),
    ).toBeNaN();
  });
});
