import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './create-rng.js';
import { shuffle } from './shuffle.js';

describe('shuffle', () => {
  it('permutes arrays and typed arrays in place, reproducibly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const copy = [...items];
        const result = shuffle(copy, createRng(seed));
        expect(result).toBe(copy);
        expect([...copy].sort()).toEqual([...items].sort());
        expect(shuffle([...items], createRng(seed))).toEqual(copy);
      }),
    );
    const typed = Uint8Array.of(1, 2, 3, 4, 5);
    shuffle(typed, createRng(3));
    expect(Array.from(typed).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
