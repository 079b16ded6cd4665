import { describe, expect, it } from 'vitest';
import { encodeOneHot } from './encode-one-hot.js';

describe('encodeOneHot', () => {
  it('encodes labels like to_categorical', () => {
    expect(Array.from(encodeOneHot(Uint8Array.of(2, 0), 3))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(encodeOneHot([9]).length).toBe(10);
  });

  it('rejects labels outside the classes', () => {
    expect(() => encodeOneHot([3], 3)).toThrow('expected labels in [0, 3), found 3 at index 0');
  });
});
