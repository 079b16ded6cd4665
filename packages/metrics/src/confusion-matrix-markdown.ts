import { readDigits } from './format-classification-report.js';
import { checkConfusionMatrix } from './normalize-confusion.js';
import { formatCell, readClassNames } from './read-class-names.js';

/**
 * Escapes text for a markdown table cell.
 * @internal
 */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

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
 * confusionMatrixMarkdown([[5, 1], [0, 6]], ['Coat', 'Shirt']);
 * ```
 */
export function confusionMatrixMarkdown(
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
