import type { ClassificationReport } from './classification-report.js';
import { formatPythonFixed, padPythonStart, pythonLength } from './format-python-float.js';
import { MetricsError } from './metrics-error.js';

/** Options of {@link formatClassificationReport}. */
export interface FormatClassificationReportOptions {
  /** Decimals of the scores, as scikit-learn's `digits` (default 2). */
  digits?: number;
}

/**
 * Reads a `digits` option: a non-negative integer, 2 by default.
 * @internal
 */
export function readDigits(value: unknown): number {
  if (value === undefined) return 2;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 50) {
    return value;
  }
  throw new MetricsError(
    'INVALID_ARGUMENT',
    `digits: expected an integer from 0 to 50, found ${JSON.stringify(value)}.`,
    { argument: 'digits' },
  );
}

/**
 * The micro-averaged F1 that scikit-learn prints in the `accuracy` row: 2·a·a / (a + a), which can
 * differ from `a` in the last bit. @internal
 */
export function accuracyRowValue(accuracy: number): number {
  return accuracy === 0 ? 0 : (2 * accuracy * accuracy) / (accuracy + accuracy);
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
 * console.log(formatClassificationReport(classificationReport(yTrue, yPred), { digits: 4 }));
 * ```
 */
export function formatClassificationReport(
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
