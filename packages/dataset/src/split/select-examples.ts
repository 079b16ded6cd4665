import { DatasetError } from '../errors/dataset-error.js';
import type { LabeledImages } from '../load/labeled-images.js';

/**
 * A new set holding the images and labels at `indices`, in that order (copied, not shared).
 *
 * @throws {DatasetError} `INVALID_OPTION` when an index is out of range.
 * @example
 * ```ts
 * const first100 = selectExamples(train, Array.from({ length: 100 }, (_, i) => i));
 * ```
 */
export function selectExamples(set: LabeledImages, indices: ArrayLike<number>): LabeledImages {
  const pixels = set.shape[0] * set.shape[1];
  const images = new Uint8Array(indices.length * pixels);
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] ?? -1;
    if (!Number.isInteger(i) || i < 0 || i >= set.count) {
      throw new DatasetError(
        'INVALID_OPTION',
        `expected indices in [0, ${set.count}), found ${i} at position ${k}.`,
      );
    }
    images.set(set.images.subarray(i * pixels, (i + 1) * pixels), k * pixels);
    labels[k] = set.labels[i] ?? 0;
  }
  return { count: indices.length, shape: set.shape, images, labels };
}
