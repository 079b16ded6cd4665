import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSeed } from './derive-seed.js';

describe('deriveSeed', () => {
  it('is a deterministic integer in [0, 2^31 - 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.oneof(fc.string(), fc.integer())), (seed, parts) => {
        const value = deriveSeed(seed, ...parts);
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(0x7fffffff);
        expect(deriveSeed(seed, ...parts)).toBe(value);
      }),
    );
  });

  it('separates layers, parts and seeds', () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 20; seed++) {
      for (let layer = 0; layer < 20; layer++)
        seeds.add(deriveSeed(seed, 'layer', layer, 'kernel'));
    }
    expect(seeds.size).toBe(400);
    expect(deriveSeed(1, 'a', 'b')).not.toBe(deriveSeed(1, 'ab'));
    expect(deriveSeed(1, 12)).not.toBe(deriveSeed(11, 2));
  });

  it('is pinned (training runs rely on it across versions)', () => {
    expect([
      deriveSeed(0),
      deriveSeed(42, 'layer', 0, 'kernel'),
      deriveSeed(42, 'shuffle', 3),
    ]).toEqual([1693486945, 1210116507, 888480372]);
  });
});
