import { DatasetError } from '../errors/dataset-error.js';
import { toFloat32 } from '../image/to-float32.js';
import type { LabeledImages } from '../load/labeled-images.js';
import { shuffleIndices } from '../split/shuffle-indices.js';
import { countBatches } from './count-batches.js';
import { oneHot } from './one-hot.js';

/** Options for {@link batches}. */
export interface BatchOptions {
  /** Visit examples in a seeded random order that depends on `seed` and `epoch`; default false. */
  shuffle?: boolean;
  /** Seed of the shuffle; default 0. */
  seed?: number;
  /** Epoch number (0-based): each epoch has its own order, the same every time it is redone. */
  epoch?: number;
  /** Leave out a last, smaller batch; default false (as Keras). */
  dropRemainder?: boolean;
  /** Width of the one-hot rows; default 10. */
  numClasses?: number;
  /** Start at this batch (to continue an epoch); default 0. */
  startBatch?: number;
}

/** One batch, ready to become tensors: `tf.tensor2d(batch.pixels, [batch.size, rows * cols])`. */
export interface Batch {
  /** Position of the batch in its epoch, from 0. */
  index: number;
  /** Number of examples in it. */
  size: number;
  /** Indices into the set of its examples. */
  indices: Uint32Array;
  /** `size × rows × cols` pixels scaled to [0, 1]. */
  pixels: Float32Array;
  /** `size` class indices. */
  labels: Uint8Array;
  /** `size × numClasses` one-hot rows. */
  oneHot: Float32Array;
}

/**
 * Yields an epoch's batches of scaled pixels, labels and one-hot labels, in order or in a seeded
 * shuffle. The order depends only on (`seed`, `epoch`), so an interrupted epoch can be redone with
 * the same order; nothing is allocated up front beyond the order itself.
 *
 * `batchSize` examples per batch; the last one may be smaller unless `dropRemainder`.
 *
 * @throws {DatasetError} `INVALID_OPTION` for a bad batch size or start batch.
 * @example
 * ```ts
 * for (const batch of batches(train, 200, { shuffle: true, seed: 1, epoch })) {
 *   const xs = tf.tensor2d(batch.pixels, [batch.size, 784]);
 *   const ys = tf.tensor2d(batch.oneHot, [batch.size, 10]);
 * }
 * ```
 */
export function* batches(
  split: LabeledImages,
  batchSize: number,
  options: BatchOptions = {},
): Generator<Batch> {
  const set = split;
  const { shuffle = false, seed = 0, epoch = 0, numClasses = 10 } = options;
  const total = countBatches(set.count, { batchSize, dropRemainder: options.dropRemainder });
  const start = options.startBatch ?? 0;
  if (!Number.isInteger(start) || start < 0 || start > total) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected startBatch to be an integer in [0, ${total}], found ${start}.`,
    );
  }
  const order = shuffle ? shuffleIndices(set.count, seed, epoch) : undefined;
  const pixelsPerImage = set.shape[0] * set.shape[1];
  for (let index = start; index < total; index += 1) {
    const from = index * batchSize;
    const size = Math.min(batchSize, set.count - from);
    const indices = new Uint32Array(size);
    const labels = new Uint8Array(size);
    const pixels = new Float32Array(size * pixelsPerImage);
    for (let k = 0; k < size; k += 1) {
      const i = order === undefined ? from + k : (order[from + k] ?? 0);
      indices[k] = i;
      labels[k] = set.labels[i] ?? 0;
      toFloat32(
        set.images.subarray(i * pixelsPerImage, (i + 1) * pixelsPerImage),
        pixels,
        k * pixelsPerImage,
      );
    }
    yield { index, size, indices, pixels, labels, oneHot: oneHot(labels, numClasses) };
  }
}
