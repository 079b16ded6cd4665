import { DatasetError } from '../errors/dataset-error.js';
import type { IdxArray } from '../idx/idx-array.js';

/**
 * A set of labelled grayscale images: `count` images of `shape` = [rows, cols] pixels, stored
 * image after image, row-major, one byte (0–255) per pixel; `labels[i]` is image i's class.
 */
export interface LabeledImages {
  /** Number of images (and labels). */
  readonly count: number;
  /** [rows, cols] of every image, e.g. [28, 28]. */
  readonly shape: readonly [rows: number, cols: number];
  /** `count * rows * cols` pixels, 0–255. */
  readonly images: Uint8Array;
  /** `count` class indices. */
  readonly labels: Uint8Array;
}

/** Options for {@link toLabeledImages}. */
export interface ToLabeledImagesOptions {
  /** Labels must be below this; default 10. */
  numClasses?: number;
  /** What the set is ("train", a directory), used in error messages. */
  name?: string;
}

/**
 * Pairs a decoded images file (uint8, 3 dimensions) with a decoded labels file (uint8,
 * 1 dimension) after checking that they fit together: same count, every label below
 * `numClasses`. Shares memory with the inputs.
 *
 * @throws {DatasetError} `DATASET_INVALID` with what was expected and found.
 * @example
 * ```ts
 * const train = toLabeledImages(parseIdx(imageBytes), parseIdx(labelBytes), { name: 'train' });
 * ```
 */
export function toLabeledImages(
  images: IdxArray,
  labels: IdxArray,
  options: ToLabeledImagesOptions = {},
): LabeledImages {
  const name = options.name ?? 'dataset';
  const numClasses = options.numClasses ?? 10;
  if (images.dtype !== 'uint8' || images.shape.length !== 3) {
    throw new DatasetError(
      'DATASET_INVALID',
      `expected ${name} images as uint8 with 3 dimensions [count, rows, cols], found ${images.dtype} [${images.shape.join(', ')}]: pass the images file first, then the labels file.`,
    );
  }
  if (labels.dtype !== 'uint8' || labels.shape.length !== 1) {
    throw new DatasetError(
      'DATASET_INVALID',
      `expected ${name} labels as uint8 with 1 dimension [count], found ${labels.dtype} [${labels.shape.join(', ')}]: pass the labels file second.`,
    );
  }
  const [count = 0, rows = 0, cols = 0] = images.shape;
  if (labels.data.length !== count) {
    throw new DatasetError(
      'DATASET_INVALID',
      `expected as many ${name} labels as images (${count}), found ${labels.data.length}: are the files from the same split?`,
    );
  }
  for (let i = 0; i < labels.data.length; i += 1) {
    const label = labels.data[i] ?? 0;
    if (label >= numClasses) {
      throw new DatasetError(
        'DATASET_INVALID',
        `expected ${name} labels below ${numClasses}, found ${label} at index ${i}: pass numClasses if the dataset has more classes.`,
      );
    }
  }
  return { count, shape: [rows, cols], images: images.data, labels: labels.data };
}
