import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shuffleIndices } from './shuffle-indices.js';

describe('shuffleIndices', () => {
  it('returns a permutation of 0..count-1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer(),
        fc.nat(),
        (count, seed, stream) => {
          const order = shuffleIndices(count, seed, stream);
          expect(order.length).toBe(count);
          expect(Array.from(order).sort((a, b) => a - b)).toEqual(
            Array.from({ length: count }, (_, i) => i),
          );
        },
      ),
    );
  });

  it('is deterministic, and differs by seed and by stream', () => {
    expect(shuffleIndices(100, 7)).toEqual(shuffleIndices(100, 7));
    expect(shuffleIndices(100, 7)).not.toEqual(shuffleIndices(100, 8));
    expect(shuffleIndices(100, 7, 0)).not.toEqual(shuffleIndices(100, 7, 1));
  });

  it('keeps a fixed order for a fixed seed (so runs reproduce across versions)', () => {
    expect(Array.from(shuffleIndices(10, 42))).toMatchInlineSnapshot(`
      [
        8,
        6,
        0,
        1,
        3,
        2,
        7,
        5,
        4,
        9,
      ]
    `);
  });

  it('rejects a bad count', () => {
    expect(() => shuffleIndices(-1, 0)).toThrow(/non-negative integer/);
    expect(() => shuffleIndices(1.5, 0)).toThrow(/non-negative integer/);
  });
});
