import { PNG } from 'pngjs';

/**
 * A PNG file of one grayscale image (0–255, row-major), each pixel drawn as a `scale`×`scale`
 * square.
 */
export function encodeGrayPng(pixels: Uint8Array, rows: number, cols: number, scale = 1): Buffer {
  const width = cols * scale;
  const height = rows * scale;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = pixels[Math.floor(y / scale) * cols + Math.floor(x / scale)] ?? 0;
      const at = (y * width + x) * 4;
      png.data[at] = value;
      png.data[at + 1] = value;
      png.data[at + 2] = value;
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 0 });
}
