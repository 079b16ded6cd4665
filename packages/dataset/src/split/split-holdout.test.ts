import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabeledImages } from '../load/labeled-images.js';
import { splitHoldout } from './split-holdout.js';

// Image i's single pixel is i % 256, so examples can be traced through the split.
function makeSet(labels: number[]): LabeledImages {
  return {
    count: labels.length,
    shape: [1, 1],
    images: Uint8Array.from(labels, (_, i) => i % 256),
    labels: Uint8Array.from(labels),
  };
}

describe('splitHoldout', () => {
  it('partitions the set into disjoint parts that cover it, keeping order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 300 }),
        fc.integer(),
        fc.boolean(),
        (labels, seed, stratify) => {
          const set = makeSet(labels);
          const size = 1 + (Math.abs(seed) % (labels.length - 1));
          const split = splitHoldout(set, { size, seed, stratify });
          expect(split.holdout.count).toBe(size);
          expect(split.train.count).toBe(labels.length - size);
          const all = [...split.trainIndices, ...split.holdoutIndices].sort((a, b) => a - b);
          expect(all).toEqual(labels.map((_, i) => i));
          for (const part of [split.trainIndices, split.holdoutIndices]) {
            expect(Array.from(part)).toEqual(Array.from(part).sort((a, b) => a - b));
          }
          split.holdoutIndices.forEach((i, k) => {
            expect(split.holdout.labels[k]).toBe(labels[i]);
            expect(split.holdout.images[k]).toBe(i % 256);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps class shares exactly when they divide evenly (stratified)', () => {
    const labels = Array.from({ length: 6000 }, (_, i) => i % 10);
    const { holdout, train } = splitHoldout(makeSet(labels), { size: 0.1, seed: 3 });
    const counts = (l: Uint8Array) =>
      Array.from({ length: 10 }, (_, c) => l.filter((x) => x === c).length);
    expect(counts(holdout.labels)).toEqual(new Array(10).fill(60));
    expect(counts(train.labels)).toEqual(new Array(10).fill(540));
  });

  it('is reproducible for a seed and varies with it', () => {
    const set = makeSet(Array.from({ length: 200 }, (_, i) => i % 10));
    const a = splitHoldout(set, { size: 20, seed: 1 });
    expect(splitHoldout(set, { size: 20, seed: 1 }).holdoutIndices).toEqual(a.holdoutIndices);
    expect(splitHoldout(set, { size: 20, seed: 2 }).holdoutIndices).not.toEqual(a.holdoutIndices);
  });

  it('rejects sizes that leave a part empty', () => {
    const set = makeSet([0, 1, 2, 3]);
    for (const size of [0, 4, 5, -1, 1.5, 0.01]) {
      expect(() => splitHoldout(set, { size })).toThrow(/expected holdout size/);
    }
  });
});
