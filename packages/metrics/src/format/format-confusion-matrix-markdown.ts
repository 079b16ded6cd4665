import { checkConfusionMatrix } from '../compute/normalize-confusion.js';
import { escapeMarkdownCell } from './escape-markdown-cell.js';
import { formatCell } from './format-cell.js';
import { readClassNames } from './read-class-names.js';
import { readDigits } from './read-digits.js';

/**
 * A GitHub-flavoured markdown table of a confusion matrix: one row per true class, one column per
 * predicted class, the diagonal in bold.
 *
 * @param cm - square matrix, rows true, columns predicted (counts or fractions)
 * @param names - one class name per row/column (default `'0'`, `'1'`, ...)
 * @param options - `digits` for non-integer cells (default 2)
 * @returns the markdown table, ending in a newline
 * @throws {MetricsError} `INVALID_ARGUMENT` when `cm` is not square or `names` has the wrong length
 *
 * @example
 * ```ts
 * formatConfusionMatrixMarkdown([[5, 1], [0, 6]], ['Coat', 'Shirt']);
 * ```
 */
export function formatConfusionMatrixMarkdown(
  cm: readonly (readonly number[])[],
  names?: readonly string[],
  options: { digits?: number } = {},
): string {
  const matrix = checkConfusionMatrix(cm);
  const labels = readClassNames(names, matrix.length).map(escapeMarkdownCell);
  const digits = readDigits(options.digits);
  const lines = [
    `| true \\ predicted | ${labels.join(' | ')} |`,
    `|---|${labels.map(() => '---:|').join('')}`,
    ...matrix.map(
      (row, i) =>
        `| **${labels[i]}** | ${row
          .map((value, j) =>
            i === j ? `**${formatCell(value, digits)}**` : formatCell(value, digits),
          )
          .join(' | ')} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
