import { describe, expect, it } from 'vitest';
import { toDatasetImage } from './to-dataset-image.js';

const image = (width: number, height: number, pixel: (x: number, y: number) => number) => {
  const pixels = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels[y * width + x] = pixel(x, y);
  return { width, height, pixels };
};

describe('toDatasetImage', () => {
  it('keeps a 28×28 dark-background image as it is', () => {
    const source = image(28, 28, (x, y) => (x + y) % 256);
    const { pixels, inverted } = toDatasetImage(source);
    expect(inverted).toBe(false);
    expect(Array.from(pixels)).toEqual(Array.from(source.pixels));
  });

  it('area-averages a larger image: each 2×2 block becomes its mean', () => {
    const source = image(56, 56, (x, y) => (x % 2 === 0 && y % 2 === 0 ? 200 : 0));
    const { pixels } = toDatasetImage(source);
    expect(pixels.every((v) => v === 50)).toBe(true);
  });

  it('inverts a light background', () => {
    const source = image(28, 28, (x, y) => (x > 10 && x < 18 && y > 10 && y < 18 ? 0 : 255));
    const { pixels, inverted } = toDatasetImage(source);
    expect(inverted).toBe(true);
    expect(pixels[0]).toBe(0);
    expect(pixels[14 * 28 + 14]).toBe(255);
  });

  it('fits the longer side and centres the shorter one on background', () => {
    const source = image(56, 28, () => 255 - 255); // dark, all zero
    source.pixels.fill(100);
    // A dark-ish (100 < 127.5) wide image: rows 7-20 hold it, the rest is padding (0).
    const { pixels } = toDatasetImage(source);
    expect(pixels[0]).toBe(0);
    expect(pixels[14 * 28 + 14]).toBe(100);
    expect(pixels[6 * 28 + 14]).toBe(0);
    expect(pixels[7 * 28 + 14]).toBe(100);
    expect(pixels[20 * 28 + 14]).toBe(100);
    expect(pixels[21 * 28 + 14]).toBe(0);
  });

  it('upsamples a small image', () => {
    const source = image(7, 7, (x) => (x < 4 ? 255 : 0));
    source.pixels.fill(0);
    source.pixels[3 * 7 + 3] = 255;
    const { pixels } = toDatasetImage(source);
    expect(pixels[13 * 28 + 13]).toBe(255);
    expect(pixels[0]).toBe(0);
  });
});
