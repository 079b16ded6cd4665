import { DatasetError } from '../errors/dataset-error.js';
import type { LabeledImages } from '../load/labeled-images.js';
import { selectExamples } from './select-examples.js';
import { shuffleIndices } from './shuffle-indices.js';

/** Options for {@link splitHoldout}. */
export interface SplitHoldoutOptions {
  /** A fraction in (0, 1) of the set, or a whole number of examples (≥ 1), to hold out. */
  size: number;
  /** Seed for the random choice; default 0. */
  seed?: number;
  /** Keep each class's share equal in both parts (largest-remainder rounding); default true. */
  stratify?: boolean;
  /** Classes in the set, for stratifying; default 10. */
  numClasses?: number;
}

/** The two parts of a {@link splitHoldout}. */
export interface HoldoutSplit {
  /** What remains for training, in the original order. */
  train: LabeledImages;
  /** The held-out examples, in the original order. */
  holdout: LabeledImages;
  /** Indices into the original set of `train`'s examples. */
  trainIndices: Uint32Array;
  /** Indices into the original set of `holdout`'s examples. */
  holdoutIndices: Uint32Array;
}

/**
 * Holds out a reproducible random subset (e.g. for validation) from a training set (stratified by class by
 * default), so that model choice need not look at the test set. The same set, size and seed always
 * give the same split. Unlike Keras's `validation_split`, which takes the last examples unshuffled.
 *
 * @throws {DatasetError} `INVALID_OPTION` when `size` is not a fraction in (0, 1) or a whole
 *   number in [1, count).
 * @example
 * ```ts
 * const { train, holdout } = splitHoldout(data.train, { size: 0.1, seed: 1 });
 * ```
 */
export function splitHoldout(split: LabeledImages, options: SplitHoldoutOptions): HoldoutSplit {
  const set = split;
  const { size, seed = 0, stratify = true, numClasses = 10 } = options;
  const wanted = size > 0 && size < 1 ? Math.round(size * set.count) : size;
  if (!Number.isInteger(wanted) || wanted < 1 || wanted >= set.count) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected holdout size as a fraction in (0, 1) or a whole number in [1, ${set.count}), found ${size}${wanted !== size ? ` (${wanted} examples)` : ''}: pick a size that leaves both parts non-empty.`,
    );
  }
  const order = shuffleIndices(set.count, seed);
  const held = new Uint8Array(set.count);
  if (stratify) {
    const quota = allocateQuota(set.labels, numClasses, wanted);
    for (const i of order) {
      const label = set.labels[i] ?? 0;
      if ((quota[label] ?? 0) > 0) {
        quota[label] = (quota[label] ?? 0) - 1;
        held[i] = 1;
      }
    }
  } else {
    for (let k = 0; k < wanted; k += 1) held[order[k] ?? 0] = 1;
  }
  const holdoutIndices = new Uint32Array(wanted);
  const trainIndices = new Uint32Array(set.count - wanted);
  let v = 0;
  let t = 0;
  for (let i = 0; i < set.count; i += 1) {
    if (held[i] === 1) holdoutIndices[v++] = i;
    else trainIndices[t++] = i;
  }
  return {
    train: selectExamples(set, trainIndices),
    holdout: selectExamples(set, holdoutIndices),
    trainIndices,
    holdoutIndices,
  };
}

// Per-class counts proportional to class frequency, summing exactly to `total`.
function allocateQuota(labels: Uint8Array, numClasses: number, total: number): number[] {
  let classes = numClasses;
  for (const label of labels) classes = Math.max(classes, label + 1);
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  const exact = counts.map((c) => (c * total) / labels.length);
  const quota = exact.map(Math.floor);
  let left = total - quota.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, c) => ({ c, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.c - b.c);
  for (const { c } of byRemainder) {
    if (left === 0) break;
    if ((quota[c] ?? 0) < (counts[c] ?? 0)) {
      quota[c] = (quota[c] ?? 0) + 1;
      left -= 1;
    }
  }
  return quota;
}
