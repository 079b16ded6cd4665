import { describe, expect, it } from 'vitest';
import { toGrayImage } from './to-gray-image.js';

describe('toGrayImage', () => {
  it('weighs red, green and blue as BT.601 and keeps opaque grays as they are', () => {
    const data = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 77, 77, 77, 255];
    const gray = toGrayImage({ width: 2, height: 2, data });
    expect(gray.width).toBe(2);
    expect(Array.from(gray.pixels)).toEqual(
      [0.299 * 255, 0.587 * 255, 0.114 * 255, 77].map((v) => Math.fround(v)),
    );
  });

  it('composites transparent pixels over white', () => {
    expect(Array.from(toGrayImage({ width: 1, height: 1, data: [0, 0, 0, 0] }).pixels)).toEqual([
      255,
    ]);
  });
});
