import { describe, expect, it } from 'vitest';
import { toLabeledImages } from './labeled-images.js';

const images = { dtype: 'uint8' as const, shape: [2, 2, 3], data: new Uint8Array(12) };
const labels = { dtype: 'uint8' as const, shape: [2], data: Uint8Array.of(3, 9) };

describe('toLabeledImages', () => {
  it('pairs matching images and labels', () => {
    const set = toLabeledImages(images, labels);
    expect(set.count).toBe(2);
    expect(set.shape).toEqual([2, 3]);
    expect(set.labels).toBe(labels.data);
  });

  it('rejects swapped files, count mismatches and out-of-range labels', () => {
    expect(() => toLabeledImages(labels, images)).toThrow(/pass the images file first/);
    expect(() => toLabeledImages(images, images)).toThrow(/as uint8 with 1 dimension/);
    expect(() =>
      toLabeledImages(images, { dtype: 'uint8', shape: [1], data: Uint8Array.of(1) }),
    ).toThrow(/expected as many dataset labels as images \(2\), found 1/);
    expect(() => toLabeledImages(images, labels, { numClasses: 5, name: 'train' })).toThrow(
      'expected train labels below 5, found 9 at index 1',
    );
  });
});
