import { MetricsError } from '../errors/metrics-error.js';
import { type LabelInput, readLabelPair, readLabelsOption, uniqueLabels } from './read-labels.js';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /**
   * The classes of the rows and columns, in this order. Default: the sorted union of the labels
   * in `yTrue` and `yPred`. Samples whose true or predicted label is not listed are left out,
   * as scikit-learn does.
   */
  labels?: LabelInput;
}

/**
 * Counts (true, predicted) pairs, as `sklearn.metrics.confusion_matrix`: `cm[i][j]` is the number
 * of samples of class `labels[i]` predicted as `labels[j]` (rows true, columns predicted).
 *
 * @param yTrue - the true labels, one per sample (array or typed array of non-negative ints)
 * @param yPred - the predicted labels, same length
 * @param options - `labels`: row/column order (default: sorted union of both)
 * @returns a square matrix of counts
 * @throws {MetricsError} on empty or mismatched inputs, bad labels, or `labels` none of which
 *   occurs in `yTrue` (scikit-learn's rule)
 *
 * @example
 * ```ts
 * confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]);
 * // [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
 * ```
 */
export function confusionMatrix(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ConfusionMatrixOptions = {},
): number[][] {
  const [truth, predicted] = readLabelPair(yTrue, yPred);
  const given = readLabelsOption(options.labels);
  const labels = given ?? uniqueLabels(truth, predicted);
  const index = new Map<number, number>();
  labels.forEach((label, i) => {
    index.set(label, i);
  });
  if (given !== undefined && !truth.some((label) => index.has(label))) {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `labels: expected at least one label that occurs in yTrue, found none of [${given.join(', ')}] there. Check the labels option.`,
      { argument: 'labels' },
    );
  }
  const matrix = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let k = 0; k < truth.length; k++) {
    const row = index.get(truth[k] as number);
    const column = index.get(predicted[k] as number);
    if (row === undefined || column === undefined) continue;
    const cells = matrix[row] as number[];
    cells[column] = (cells[column] as number) + 1;
  }
  return matrix;
}
