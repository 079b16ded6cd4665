import { describe, expect, it } from 'vitest';
import type { LabeledImages } from '../load/labeled-images.js';
import { selectExamples } from './select-examples.js';

const set: LabeledImages = {
  count: 3,
  shape: [1, 2],
  images: Uint8Array.of(1, 2, 3, 4, 5, 6),
  labels: Uint8Array.of(7, 8, 9),
};

describe('selectExamples', () => {
  it('copies the chosen examples in the given order', () => {
    const picked = selectExamples(set, [2, 0, 2]);
    expect(picked.count).toBe(3);
    expect(Array.from(picked.images)).toEqual([5, 6, 1, 2, 5, 6]);
    expect(Array.from(picked.labels)).toEqual([9, 7, 9]);
    picked.images[0] = 0;
    expect(set.images[4]).toBe(5);
  });

  it('rejects indices out of range', () => {
    expect(() => selectExamples(set, [3])).toThrow(
      'expected indices in [0, 3), found 3 at position 0.',
    );
    expect(() => selectExamples(set, [0.5])).toThrow(/found 0.5/);
  });
});
