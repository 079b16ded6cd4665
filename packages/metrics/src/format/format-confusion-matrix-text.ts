import { checkConfusionMatrix } from '../compute/normalize-confusion.js';
import { formatCell } from './format-cell.js';
import { padPythonStart, pythonLength } from './format-python-float.js';
import { readClassNames } from './read-class-names.js';
import { readDigits } from './read-digits.js';

/** Options of {@link formatConfusionMatrixText}. */
export interface FormatConfusionMatrixTextOptions {
  /** Put before each column's class name (default `'Pred '`, as the notebook's DataFrame). */
  columnPrefix?: string;
  /** Decimals for non-integer cells, e.g. a normalized matrix (default 2). */
  digits?: number;
}

/**
 * An aligned text table of a confusion matrix, laid out like the notebook's pandas DataFrame:
 * true classes down the left (left-aligned), `Pred <name>` columns (right-aligned), two spaces
 * between columns, no trailing newline.
 *
 * @param cm - square matrix, rows true, columns predicted (counts or fractions)
 * @param names - one class name per row/column (default `'0'`, `'1'`, ...)
 * @param options - `columnPrefix` (default `'Pred '`), `digits` for fractions (default 2)
 * @returns the table text
 * @throws {MetricsError} `INVALID_ARGUMENT` when `cm` is not square or `names` has the wrong length
 *
 * @example
 * ```ts
 * console.log(formatConfusionMatrixText([[5, 1], [0, 6]], ['Coat', 'Shirt']));
 * //        Pred Coat  Pred Shirt
 * // Coat           5           1
 * // Shirt          0           6
 * ```
 */
export function formatConfusionMatrixText(
  cm: readonly (readonly number[])[],
  names?: readonly string[],
  options: FormatConfusionMatrixTextOptions = {},
): string {
  const matrix = checkConfusionMatrix(cm);
  const labels = readClassNames(names, matrix.length);
  const prefix = options.columnPrefix ?? 'Pred ';
  const digits = readDigits(options.digits);
  const headers = labels.map((name) => `${prefix}${name}`);
  const cells = matrix.map((row) => row.map((value) => formatCell(value, digits)));
  const indexWidth = Math.max(...labels.map(pythonLength));
  const widths = headers.map((header, j) =>
    Math.max(pythonLength(header), ...cells.map((row) => pythonLength(row[j] as string))),
  );
  const line = (first: string, values: readonly string[]) =>
    `${first}${' '.repeat(indexWidth - pythonLength(first))}  ${values
      .map((value, j) => padPythonStart(value, widths[j] as number))
      .join('  ')}`.trimEnd();
  return [line('', headers), ...cells.map((row, i) => line(labels[i] as string, row))].join('\n');
}
