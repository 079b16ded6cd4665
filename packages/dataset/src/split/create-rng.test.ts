import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, restoreRng } from './create-rng.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps floats in [0, 1) and integers in [0, max)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 2 ** 32 }), (seed, max) => {
        const rng = createRng(seed);
        const x = rng.next();
        expect(x >= 0 && x < 1).toBe(true);
        const n = rng.nextInt(max);
        expect(Number.isInteger(n) && n >= 0 && n < max).toBe(true);
        const u = rng.nextUint32();
        expect(Number.isInteger(u) && u >= 0 && u < 2 ** 32).toBe(true);
      }),
    );
  });

  it('restores from getState() and continues identically', () => {
    const rng = createRng(7);
    rng.next();
    const state = rng.getState();
    const ahead = [rng.next(), rng.nextInt(10), rng.nextUint32()];
    const again = restoreRng(state);
    expect([again.next(), again.nextInt(10), again.nextUint32()]).toEqual(ahead);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('rejects bad seeds, bounds and states with DatasetError', () => {
    expect(() => createRng(Number.NaN)).toThrow(/finite number/);
    expect(() => createRng(1).nextInt(0)).toThrow(/integer in \[1, 2\^32\]/);
    expect(() => restoreRng([1, 2])).toThrow(/one integer/);
    expect(() => restoreRng([-1])).toThrow(/one integer/);
  });
});
