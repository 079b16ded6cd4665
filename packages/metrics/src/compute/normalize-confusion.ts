import { MetricsError } from '../errors/metrics-error.js';

/** How {@link normalizeConfusion} divides: by row (true class), column (predicted) or total. */
export type ConfusionNormalization = 'true' | 'pred' | 'all';

/**
 * Checks that `cm` is a non-empty square matrix of finite non-negative numbers.
 * @internal
 */
export function checkConfusionMatrix(cm: unknown, argument = 'cm'): number[][] {
  if (!Array.isArray(cm) || cm.length === 0) {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `${argument}: expected a non-empty square matrix (number[][]), found ${Array.isArray(cm) ? 'an empty array' : typeof cm}. Pass the result of confusionMatrix().`,
      { argument },
    );
  }
  const size = cm.length;
  cm.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== size) {
      throw new MetricsError(
        'INVALID_ARGUMENT',
        `${argument}[${i}]: expected a row of ${size} counts (the matrix is square), found ${Array.isArray(row) ? `${row.length} values` : typeof row}.`,
        { argument },
      );
    }
    row.forEach((value: unknown, j) => {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new MetricsError(
          'INVALID_ARGUMENT',
          `${argument}[${i}][${j}]: expected a non-negative count, found ${JSON.stringify(value)}.`,
          { argument },
        );
      }
    });
  });
  return cm as number[][];
}

/**
 * Divides a confusion matrix as scikit-learn's `confusion_matrix(normalize=...)`: by the row sums
 * (`'true'`: each row is the recall distribution of a true class), by the column sums (`'pred'`)
 * or by the total (`'all'`). Cells whose divisor is 0 become 0, as scikit-learn's `nan_to_num`.
 *
 * @param cm - a square matrix of counts (rows true, columns predicted)
 * @param normalize - `'true'`, `'pred'` or `'all'`
 * @returns a new matrix of fractions
 * @throws {MetricsError} `INVALID_ARGUMENT` when `cm` is not square or `normalize` is unknown
 *
 * @example
 * ```ts
 * normalizeConfusion([[3, 1], [0, 4]], 'true'); // [[0.75, 0.25], [0, 1]]
 * ```
 */
export function normalizeConfusion(
  cm: readonly (readonly number[])[],
  normalize: ConfusionNormalization,
): number[][] {
  const matrix = checkConfusionMatrix(cm);
  if (normalize !== 'true' && normalize !== 'pred' && normalize !== 'all') {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `normalize: expected 'true', 'pred' or 'all', found ${JSON.stringify(normalize)}.`,
      { argument: 'normalize' },
    );
  }
  const size = matrix.length;
  const rowSums = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: size }, (_, j) =>
    matrix.reduce((sum, row) => sum + (row[j] as number), 0),
  );
  const total = rowSums.reduce((a, b) => a + b, 0);
  return matrix.map((row, i) =>
    row.map((value, j) => {
      const divisor =
        normalize === 'true'
          ? (rowSums[i] as number)
          : normalize === 'pred'
            ? (columnSums[j] as number)
            : total;
      return divisor === 0 ? 0 : value / divisor;
    }),
  );
}
