import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactBinomialPValue, mcnemar } from './mcnemar.js';

// Made by make-sklearn-fixtures.py with exact fractions (math.comb, fractions.Fraction).
const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/mcnemar.json', import.meta.url), 'utf8'),
) as { cases: { aRightBWrong: number; aWrongBRight: number; pValue: number }[] };

function correctness(b: number, c: number, both: number) {
  const a = [...Array(b).fill(true), ...Array(c).fill(false), ...Array(both).fill(true)];
  const bb = [...Array(b).fill(false), ...Array(c).fill(true), ...Array(both).fill(true)];
  return [a, bb] as const;
}

describe('mcnemar', () => {
  for (const c of fixture.cases) {
    it(`b=${c.aRightBWrong}, c=${c.aWrongBRight}: p = ${c.pValue}`, () => {
      const [a, b] = correctness(c.aRightBWrong, c.aWrongBRight, 3);
      const result = mcnemar(a, b);
      expect(result.aRightBWrong).toBe(c.aRightBWrong);
      expect(result.aWrongBRight).toBe(c.aWrongBRight);
      expect(result.bothRight).toBe(3);
      if (c.pValue === 1) expect(result.pValue).toBe(1);
      else expect(Math.abs(result.pValue - c.pValue) / c.pValue).toBeLessThan(1e-10);
    });
  }

  it('matches hand values', () => {
    // b=0, c=5: 2 * (1/2)^5 = 0.0625; b=1, c=4: 2 * 6/32 = 0.375
    expect(exactBinomialPValue(0, 5)).toBe(0.0625);
    expect(exactBinomialPValue(1, 4)).toBeCloseTo(0.375, 15);
  });

  it('is symmetric and in [0, 1]', () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(3000), (b, c) => {
        const p = exactBinomialPValue(b, c);
        return p >= 0 && p <= 1 && p === exactBinomialPValue(c, b);
      }),
      { numRuns: 200 },
    );
  });

  it('takes 0/1 typed arrays and rejects bad input', () => {
    expect(mcnemar(Uint8Array.of(1, 0, 1), Uint8Array.of(0, 0, 1)).aRightBWrong).toBe(1);
    expect(() => mcnemar([true], [true, false])).toThrow(/correctA and correctB/);
    expect(() => mcnemar([], [])).toThrow(/correctA/);
    expect(() => mcnemar([true, 2 as never], [true, true])).toThrow(/correctA\[1\]/);
  });
});
