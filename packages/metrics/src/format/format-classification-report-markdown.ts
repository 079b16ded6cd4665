import type { ClassificationReport } from '../compute/classification-report.js';
import { accuracyRowValue } from './accuracy-row-value.js';
import { escapeMarkdownCell } from './escape-markdown-cell.js';
import type { FormatClassificationReportOptions } from './format-classification-report-text.js';
import { formatPythonFixed } from './format-python-float.js';
import { readDigits } from './read-digits.js';

/**
 * A GitHub-flavoured markdown table of a classification report: the same rows and rounding as
 * `formatClassificationReportText`, with the averages in bold.
 *
 * @param report - the result of `classificationReport`
 * @param options - `digits` (default 2)
 * @returns the markdown table, ending in a newline
 *
 * @example
 * ```ts
 * formatClassificationReportMarkdown(classificationReport(yTrue, yPred), { digits: 3 });
 * ```
 */
export function formatClassificationReportMarkdown(
  report: ClassificationReport,
  options: FormatClassificationReportOptions = {},
): string {
  const digits = readDigits(options.digits);
  const score = (value: number) => formatPythonFixed(value, digits);
  const lines = [
    '| class | precision | recall | f1-score | support |',
    '|---|---:|---:|---:|---:|',
    ...report.classes.map(
      (c) =>
        `| ${escapeMarkdownCell(c.name)} | ${score(c.precision)} | ${score(c.recall)} | ${score(c.f1)} | ${c.support} |`,
    ),
  ];
  if (report.microAvg === undefined) {
    lines.push(
      `| **accuracy** | | | ${score(accuracyRowValue(report.accuracy))} | ${report.support} |`,
    );
  }
  const averages = [
    ['micro avg', report.microAvg],
    ['macro avg', report.macroAvg],
    ['weighted avg', report.weightedAvg],
  ] as const;
  for (const [name, a] of averages) {
    if (a === undefined) continue;
    lines.push(
      `| **${name}** | ${score(a.precision)} | ${score(a.recall)} | ${score(a.f1)} | ${a.support} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
