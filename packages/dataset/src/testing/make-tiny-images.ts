import type { LabeledImages } from '../load/labeled-images.js';
import { createRng } from '../split/create-rng.js';

/** Options of {@link makeTinyImages}. */
export interface MakeTinyImagesOptions {
  /** Seed of the noise (default 1): the same seed gives the same bytes on every platform. */
  seed?: number;
  /** Image height (default 28). */
  rows?: number;
  /** Image width (default 28). */
  cols?: number;
}

/**
 * A small, learnable stand-in for Fashion-MNIST: image i has class i % 10, drawn as a bright
 * horizontal band whose rows depend on the class (rows 2 + 2c and 3 + 2c of 28, scaled to other
 * heights) over seeded noise in [0, 96); band pixels are 160 plus the same noise. Classes overlap
 * in the noise, so a small model learns them well but not perfectly (there are mistakes to show).
 *
 * @param count - number of images
 * @param options - `seed` (default 1), `rows` and `cols` (default 28)
 * @returns `count` labelled images of `rows`×`cols`
 *
 * @example
 * ```ts
 * import { makeTinyImages } from '@fmnist/dataset/testing';
 * const data = { train: makeTinyImages(400, { seed: 1 }), test: makeTinyImages(100, { seed: 2 }) };
 * ```
 */
export function makeTinyImages(count: number, options: MakeTinyImagesOptions = {}): LabeledImages {
  const { seed = 1, rows = 28, cols = 28 } = options;
  const rng = createRng(seed);
  const size = rows * cols;
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  const height = Math.max(1, Math.round((2 * rows) / 28));
  for (let i = 0; i < count; i++) {
    const label = i % 10;
    labels[i] = label;
    const top = Math.floor(((2 + 2 * label) * rows) / 28);
    for (let p = 0; p < size; p++) {
      const row = Math.floor(p / cols);
      const noise = rng.nextInt(96);
      images[i * size + p] = row >= top && row < top + height ? 160 + noise : noise;
    }
  }
  return { count, shape: [rows, cols], images, labels };
}
