import { describe, expect, it } from 'vitest';
import type { LabeledImages } from '../load/labeled-images.js';
import { batches } from './batches.js';

const set: LabeledImages = {
  count: 23,
  shape: [2, 1],
  images: Uint8Array.from({ length: 46 }, (_, k) => (k * 11) % 256),
  labels: Uint8Array.from({ length: 23 }, (_, i) => i % 10),
};

describe('batches', () => {
  it('yields every example once per epoch, in order without shuffle', () => {
    const all = [...batches(set, 5)];
    expect(all.map((b) => b.size)).toEqual([5, 5, 5, 5, 3]);
    expect(all.map((b) => b.index)).toEqual([0, 1, 2, 3, 4]);
    expect(all.flatMap((b) => Array.from(b.indices))).toEqual(
      Array.from({ length: 23 }, (_, i) => i),
    );
  });

  it('carries scaled pixels, labels and one-hot rows of the right examples', () => {
    for (const batch of batches(set, 4, { shuffle: true, seed: 5 })) {
      batch.indices.forEach((i, k) => {
        expect(batch.labels[k]).toBe(set.labels[i]);
        expect(batch.pixels[2 * k + 1]).toBe(Math.fround((set.images[2 * i + 1] ?? 0) / 255));
        expect(batch.oneHot[10 * k + (set.labels[i] ?? 0)]).toBe(1);
      });
      expect(batch.oneHot.reduce((a, b) => a + b, 0)).toBe(batch.size);
    }
  });

  it('shuffles per (seed, epoch), reproducibly, covering every example', () => {
    const order = (seed: number, epoch: number) =>
      [...batches(set, 6, { shuffle: true, seed, epoch })].flatMap((b) => Array.from(b.indices));
    expect(order(1, 0)).toEqual(order(1, 0));
    expect(order(1, 0)).not.toEqual(order(1, 1));
    expect([...order(1, 3)].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });

  it('can drop the remainder and start mid-epoch with the same order', () => {
    expect([...batches(set, 5, { dropRemainder: true })].length).toBe(4);
    const full = [...batches(set, 5, { shuffle: true, seed: 9, epoch: 2 })];
    const rest = [...batches(set, 5, { shuffle: true, seed: 9, epoch: 2, startBatch: 3 })];
    expect(rest.map((b) => b.index)).toEqual([3, 4]);
    expect(rest.map((b) => Array.from(b.indices))).toEqual(
      full.slice(3).map((b) => Array.from(b.indices)),
    );
  });

  it('rejects bad options', () => {
    expect(() => [...batches(set, 0)]).toThrow(/positive integer, found 0/);
    expect(() => [...batches(set, 5, { startBatch: 6 })]).toThrow(/\[0, 5\]/);
  });
});
