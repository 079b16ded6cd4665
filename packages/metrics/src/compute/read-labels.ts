import { MetricsError } from '../errors/metrics-error.js';

/** Class labels: a plain array or any typed array of non-negative integers. */
export type LabelInput = ArrayLike<number>;

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/**
 * Checks that `value` is an array-like of non-negative integer labels and copies it into a
 * plain array. Errors name `argument`.
 */
export function readLabels(
  argument: string,
  value: unknown,
  { allowEmpty = false }: { allowEmpty?: boolean } = {},
): number[] {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { length?: unknown }).length !== 'number'
  ) {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `${argument}: expected an array or typed array of integer class labels, found ${describe(value)}. Pass e.g. [0, 1, 2] or an Int32Array.`,
      { argument },
    );
  }
  const source = value as ArrayLike<unknown>;
  if (source.length === 0 && !allowEmpty) {
    throw new MetricsError(
      'EMPTY_INPUT',
      `${argument}: expected at least one label, found an empty array. There is nothing to score: check that the predictions were made.`,
      { argument },
    );
  }
  const labels = new Array<number>(source.length);
  for (let i = 0; i < source.length; i++) {
    const label = source[i];
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0) {
      throw new MetricsError(
        'INVALID_LABEL',
        `${argument}[${i}]: expected a non-negative integer class label, found ${describe(label)}. Labels are class indices (0, 1, 2, ...): convert probabilities with argmax first.`,
        { argument },
      );
    }
    labels[i] = label;
  }
  return labels;
}

/** Checks that `yTrue` and `yPred` are label arrays of one and the same non-zero length. */
export function readLabelPair(yTrue: unknown, yPred: unknown): [number[], number[]] {
  const truth = readLabels('yTrue', yTrue);
  const predicted = readLabels('yPred', yPred);
  if (truth.length !== predicted.length) {
    throw new MetricsError(
      'LENGTH_MISMATCH',
      `yTrue and yPred: expected the same length, found ${truth.length} true labels and ${predicted.length} predictions. Pass one prediction per sample.`,
      { argument: 'yPred' },
    );
  }
  return [truth, predicted];
}

/** Reads an optional `labels` option: non-empty, non-negative integers, no duplicates. */
export function readLabelsOption(value: unknown): number[] | undefined {
  if (value === undefined) return undefined;
  const labels = readLabels('labels', value);
  const seen = new Set<number>();
  for (const label of labels) {
    if (seen.has(label)) {
      throw new MetricsError(
        'INVALID_ARGUMENT',
        `labels: expected each label once, found ${label} twice. Remove the duplicate.`,
        { argument: 'labels' },
      );
    }
    seen.add(label);
  }
  return labels;
}

/** The sorted union of the labels in both arrays, as scikit-learn's `unique_labels`. */
export function uniqueLabels(a: readonly number[], b: readonly number[]): number[] {
  const set = new Set<number>(a);
  for (const label of b) set.add(label);
  return [...set].sort((x, y) => x - y);
}
