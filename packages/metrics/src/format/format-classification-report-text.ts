import type { ClassificationReport } from '../compute/classification-report.js';
import { accuracyRowValue } from './accuracy-row-value.js';
import { formatPythonFixed, padPythonStart, pythonLength } from './format-python-float.js';
import { readDigits } from './read-digits.js';

/** Options of {@link formatClassificationReportText}. */
export interface FormatClassificationReportOptions {
  /** Decimals of the scores, as scikit-learn's `digits` (default 2). */
  digits?: number;
}

/**
 * The text of `sklearn.metrics.classification_report` for the same inputs, character for
 * character (scikit-learn 1.2.1 is the reference): a header, one row per class, then the
 * `accuracy` (or `micro avg`), `macro avg` and `weighted avg` rows, ending in a newline.
 *
 * @param report - the result of `classificationReport`
 * @param options - `digits` (default 2)
 * @returns the report text
 *
 * @example
 * ```ts
 * console.log(formatClassificationReportText(classificationReport(yTrue, yPred), { digits: 4 }));
 * ```
 */
export function formatClassificationReportText(
  report: ClassificationReport,
  options: FormatClassificationReportOptions = {},
): string {
  const digits = readDigits(options.digits);
  const width = Math.max(
    ...report.classes.map((row) => pythonLength(row.name)),
    'weighted avg'.length,
    digits,
  );
  // scikit-learn's supports turn into floats ("2.0") when no sample at all is predicted right.
  const integerSupport = report.accuracy !== 0;
  const count = (value: number) =>
    padPythonStart(integerSupport || !Number.isInteger(value) ? String(value) : `${value}.0`, 9);
  const score = (value: number) => padPythonStart(formatPythonFixed(value, digits), 9);
  const row = (name: string, precision: number, recall: number, f1: number, support: number) =>
    `${padPythonStart(name, width)}  ${score(precision)} ${score(recall)} ${score(f1)} ${count(support)}\n`;

  let text = `${' '.repeat(width)}  ${['precision', 'recall', 'f1-score', 'support'].map((h) => padPythonStart(h, 9)).join(' ')}\n\n`;
  for (const c of report.classes) text += row(c.name, c.precision, c.recall, c.f1, c.support);
  text += '\n';
  if (report.microAvg === undefined) {
    text += `${padPythonStart('accuracy', width)}  ${' '.repeat(9)} ${' '.repeat(9)} ${score(accuracyRowValue(report.accuracy))} ${count(report.support)}\n`;
  } else {
    const m = report.microAvg;
    text += row('micro avg', m.precision, m.recall, m.f1, m.support);
  }
  for (const [name, a] of [
    ['macro avg', report.macroAvg],
    ['weighted avg', report.weightedAvg],
  ] as const) {
    text += row(name, a.precision, a.recall, a.f1, a.support);
  }
  return text;
}
