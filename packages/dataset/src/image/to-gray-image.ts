import type { GrayImage } from './to-dataset-image.js';

/** RGBA pixels as `ImageData`, a decoded PNG (pngjs) and most decoders give them. */
export interface RgbaImage {
  width: number;
  height: number;
  /** `width × height × 4` bytes: red, green, blue, alpha, row-major. */
  data: ArrayLike<number>;
}

/**
 * The luminance of RGBA pixels (ITU-R BT.601 weights: 0.299 R + 0.587 G + 0.114 B), transparent
 * parts composited over white the way an image viewer shows them — the input
 * {@link toDatasetImage} expects. `fmnist predict` and the viewer's Try it both read images
 * through it, so that one file gives one answer.
 *
 * @example
 * ```ts
 * const image = toDatasetImage(toGrayImage(context.getImageData(0, 0, width, height)));
 * ```
 */
export function toGrayImage(image: RgbaImage): GrayImage & { pixels: Float32Array } {
  const { width, height, data } = image;
  const pixels = new Float32Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const r = data[i * 4] ?? 0;
    const g = data[i * 4 + 1] ?? 0;
    const b = data[i * 4 + 2] ?? 0;
    const alpha = (data[i * 4 + 3] ?? 255) / 255;
    pixels[i] = (0.299 * r + 0.587 * g + 0.114 * b) * alpha + 255 * (1 - alpha);
  }
  return { width, height, pixels };
}
