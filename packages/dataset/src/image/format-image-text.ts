import { DatasetError } from '../errors/dataset-error.js';

/** Options for {@link formatImageText}. */
export interface FormatImageTextOptions {
  /** Characters per line; default twice the image's columns (terminal cells are about twice as tall as wide). */
  width?: number;
  /** Lines; default the image's rows. */
  height?: number;
  /** [rows, cols] of the image; default [28, 28]. */
  shape?: readonly [rows: number, cols: number];
}

// From no ink to full ink: a high pixel value (the garment in Fashion-MNIST) draws dark.
const SHADES = [' ', '░', '▒', '▓', '█'] as const;

/**
 * Draws one grayscale image (0–255, row-major) as lines of shade characters (` ░▒▓█`), for a quick
 * look in a terminal. Each character averages the pixels it covers.
 *
 * @throws {DatasetError} `INVALID_OPTION` when the image does not have `rows × cols` pixels or a
 *   size is not a positive integer.
 * @example
 * ```ts
 * console.log(formatImageText(data.test.images.subarray(0, 784))); // an ankle boot
 * ```
 */
export function formatImageText(image: Uint8Array, options: FormatImageTextOptions = {}): string {
  const [rows, cols] = options.shape ?? [28, 28];
  const width = options.width ?? cols * 2;
  const height = options.height ?? rows;
  for (const [name, value] of [
    ['rows', rows],
    ['cols', cols],
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new DatasetError(
        'INVALID_OPTION',
        `expected ${name} to be a positive integer, found ${value}.`,
      );
    }
  }
  if (image.length !== rows * cols) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected one image of ${rows}×${cols} = ${rows * cols} pixels, found ${image.length}: pass a single image (e.g. images.subarray(i * 784, (i + 1) * 784)) or its shape.`,
    );
  }
  const lines: string[] = [];
  for (let y = 0; y < height; y += 1) {
    const r0 = Math.floor((y * rows) / height);
    const r1 = Math.max(r0 + 1, Math.floor(((y + 1) * rows) / height));
    let line = '';
    for (let x = 0; x < width; x += 1) {
      const c0 = Math.floor((x * cols) / width);
      const c1 = Math.max(c0 + 1, Math.floor(((x + 1) * cols) / width));
      let sum = 0;
      for (let r = r0; r < r1; r += 1) {
        for (let c = c0; c < c1; c += 1) sum += image[r * cols + c] ?? 0;
      }
      const mean = sum / ((r1 - r0) * (c1 - c0));
      line += SHADES[Math.min(SHADES.length - 1, Math.floor((mean / 256) * SHADES.length))];
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
