import { DatasetError } from '../errors/dataset-error.js';

/**
 * Labels as one-hot float32 rows (`labels.length × numClasses`), like Keras's `to_categorical`.
 *
 * @throws {DatasetError} `INVALID_OPTION` when a label is not below `numClasses`.
 * @example
 * ```ts
 * oneHot(Uint8Array.of(2, 0), 3); // Float32Array [0, 0, 1, 1, 0, 0]
 * ```
 */
export function oneHot(labels: ArrayLike<number>, numClasses = 10): Float32Array {
  const out = new Float32Array(labels.length * numClasses);
  for (let i = 0; i < labels.length; i += 1) {
    const label = labels[i] ?? -1;
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw new DatasetError(
        'INVALID_OPTION',
        `expected labels in [0, ${numClasses}), found ${label} at index ${i}: pass the right numClasses.`,
      );
    }
    out[i * numClasses + label] = 1;
  }
  return out;
}
