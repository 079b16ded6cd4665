import { describe, expect, it } from 'vitest';
import { oneHot } from './one-hot.js';

describe('oneHot', () => {
  it('encodes labels like to_categorical', () => {
    expect(Array.from(oneHot(Uint8Array.of(2, 0), 3))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(oneHot([9]).length).toBe(10);
  });

  it('rejects labels outside the classes', () => {
    expect(() => oneHot([3], 3)).toThrow('expected labels in [0, 3), found 3 at index 0');
  });
});
