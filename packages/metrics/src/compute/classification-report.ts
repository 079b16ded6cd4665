import { MetricsError } from '../errors/metrics-error.js';
import { nanAverage, numpySum } from './numpy-sum.js';
import { type LabelInput, readLabelPair, readLabelsOption, uniqueLabels } from './read-labels.js';

/** One class's row of a {@link ClassificationReport}. */
export interface ClassReportRow {
  /** The class label (an integer class index). */
  label: number;
  /** The display name: `targetNames[i]`, else the label as a string. */
  name: string;
  /** tp / (tp + fp); `zeroDivision` when the class was never predicted. */
  precision: number;
  /** tp / (tp + fn); `zeroDivision` when the class never occurs in `yTrue`. */
  recall: number;
  /** Harmonic mean of precision and recall (0 when tp = 0; `zeroDivision` when tp + fp + fn = 0). */
  f1: number;
  /** Number of samples of this class in `yTrue`. */
  support: number;
}

/** An averaged row (`micro avg`, `macro avg`, `weighted avg`) of a {@link ClassificationReport}. */
export interface AverageReportRow {
  /** Averaged precision. */
  precision: number;
  /** Averaged recall. */
  recall: number;
  /** Averaged F1 score. */
  f1: number;
  /** Sum of the supports of the reported classes. */
  support: number;
}

/**
 * The numbers of `sklearn.metrics.classification_report`. NaN (with `zeroDivision: NaN`) is
 * stored as `null` in JSON and read back as NaN by the record parsers.
 */
export interface ClassificationReport {
  /** One row per reported label, in `labels` order. */
  classes: ClassReportRow[];
  /** Fraction of all samples predicted right (scikit-learn's `accuracy_score`); always present. */
  accuracy: number;
  /** Unweighted mean over the reported classes. */
  macroAvg: AverageReportRow;
  /** Mean over the reported classes weighted by support. */
  weightedAvg: AverageReportRow;
  /**
   * Present when `labels` was given and is not exactly the set of labels occurring in the data:
   * scikit-learn then prints a `micro avg` row instead of the `accuracy` row.
   */
  microAvg?: AverageReportRow;
  /** Sum of the supports of the reported classes. */
  support: number;
  /** The `zero_division` value used: 0, 1 or NaN (always set by `classificationReport`). */
  zeroDivision?: number;
  /**
   * scikit-learn's `UndefinedMetricWarning` texts for the per-class rows, when `zeroDivision` is 0
   * (scikit-learn's default `"warn"` gives the same numbers and these warnings). Always set by
   * `classificationReport`.
   */
  warnings?: string[];
}

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions {
  /**
   * Labels to report, in this order. Default: the sorted union of `yTrue` and `yPred`. Labels
   * absent from the data get zero rows; data labels left out are not reported.
   */
  labels?: LabelInput;
  /** Display names, one per reported label (same order). */
  targetNames?: readonly string[];
  /**
   * What an undefined ratio (x / 0) becomes: 0 (default), 1 or NaN, as scikit-learn's
   * `zero_division`. NaN values are left out of the averages (scikit-learn >= 1.3).
   */
  zeroDivision?: number;
}

function readZeroDivision(value: unknown): number {
  if (value === undefined) return 0;
  if (value === 0 || value === 1 || (typeof value === 'number' && Number.isNaN(value))) {
    return value;
  }
  throw new MetricsError(
    'INVALID_ARGUMENT',
    `zeroDivision: expected 0, 1 or NaN (scikit-learn's zero_division), found ${JSON.stringify(value)}.`,
    { argument: 'zeroDivision' },
  );
}

function readTargetNames(value: unknown, count: number, labelsGiven: boolean): string[] {
  if (!Array.isArray(value) || value.some((name) => typeof name !== 'string')) {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `targetNames: expected an array of strings, one per reported label, found ${Array.isArray(value) ? 'an array with a non-string' : typeof value}.`,
      { argument: 'targetNames' },
    );
  }
  if (value.length !== count) {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `targetNames: expected ${count} names (one per ${labelsGiven ? 'label in the labels option' : 'class found in yTrue and yPred'}), found ${value.length}. ${labelsGiven ? 'Give as many names as labels.' : 'Pass the labels option to report a fixed set of classes.'}`,
      { argument: 'targetNames' },
    );
  }
  return value as string[];
}

function divide(numerator: number, denominator: number, zeroDivision: number): number {
  return denominator === 0 ? zeroDivision : numerator / denominator;
}

/** F1 as scikit-learn computes it, rounding included: 2·p·r / (p + r). */
function fScore(
  tp: number,
  predicted: number,
  actual: number,
  precision: number,
  recall: number,
  zeroDivision: number,
): number {
  if (predicted === 0 && actual === 0) return zeroDivision;
  if (tp === 0) return 0;
  return (2 * precision * recall) / (precision + recall);
}

function average(
  rows: readonly { precision: number; recall: number; f1: number }[],
  weights: readonly number[] | undefined,
  support: number,
): AverageReportRow {
  return {
    precision: nanAverage(
      rows.map((row) => row.precision),
      weights,
    ),
    recall: nanAverage(
      rows.map((row) => row.recall),
      weights,
    ),
    f1: nanAverage(
      rows.map((row) => row.f1),
      weights,
    ),
    support,
  };
}

/**
 * Precision, recall, F1 and support per class with their averages, exactly as
 * `sklearn.metrics.classification_report(y_true, y_pred, labels=..., target_names=...,
 * zero_division=...)` computes them.
 *
 * @param yTrue - true labels, one per sample (array or typed array of non-negative ints)
 * @param yPred - predicted labels, same length
 * @param options - `labels`, `targetNames`, `zeroDivision` (0, 1 or NaN)
 * @returns the report; format it with `formatClassificationReportText`
 * @throws {MetricsError} on empty or mismatched inputs, bad labels, a wrong number of
 *   `targetNames`, or a `zeroDivision` other than 0, 1 or NaN
 *
 * @example
 * ```ts
 * const report = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], {
 *   targetNames: ['class 0', 'class 1', 'class 2'],
 * });
 * report.classes[2].recall; // 0.666...
 * ```
 */
export function classificationReport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ClassificationReportOptions = {},
): ClassificationReport {
  const [truth, predicted] = readLabelPair(yTrue, yPred);
  const given = readLabelsOption(options.labels);
  const zeroDivision = readZeroDivision(options.zeroDivision);
  const present = uniqueLabels(truth, predicted);
  const labels = given ?? present;
  const names =
    options.targetNames === undefined
      ? labels.map(String)
      : readTargetNames(options.targetNames, labels.length, given !== undefined);

  const tpCount = new Map<number, number>();
  const predictedCount = new Map<number, number>();
  const trueCount = new Map<number, number>();
  let correct = 0;
  for (let k = 0; k < truth.length; k++) {
    const t = truth[k] as number;
    const p = predicted[k] as number;
    trueCount.set(t, (trueCount.get(t) ?? 0) + 1);
    predictedCount.set(p, (predictedCount.get(p) ?? 0) + 1);
    if (t === p) {
      tpCount.set(t, (tpCount.get(t) ?? 0) + 1);
      correct++;
    }
  }

  const warnings: string[] = [];
  let noPredicted = false;
  let noTrue = false;
  const classes = labels.map((label, i): ClassReportRow => {
    const tp = tpCount.get(label) ?? 0;
    const pred = predictedCount.get(label) ?? 0;
    const actual = trueCount.get(label) ?? 0;
    if (pred === 0) noPredicted = true;
    if (actual === 0) noTrue = true;
    const precision = divide(tp, pred, zeroDivision);
    const recall = divide(tp, actual, zeroDivision);
    return {
      label,
      name: names[i] as string,
      precision,
      recall,
      f1: fScore(tp, pred, actual, precision, recall, zeroDivision),
      support: actual,
    };
  });
  if (zeroDivision === 0) {
    const tail = 'Use `zero_division` parameter to control this behavior.';
    if (noPredicted) {
      warnings.push(
        `Precision and F-score are ill-defined and being set to 0.0 in labels with no predicted samples. ${tail}`,
      );
    }
    if (noTrue) {
      warnings.push(
        `Recall and F-score are ill-defined and being set to 0.0 in labels with no true samples. ${tail}`,
      );
    }
  }

  const supports = classes.map((row) => row.support);
  const support = numpySum(supports);
  const presentSet = new Set(present);
  const microIsAccuracy =
    given === undefined ||
    (new Set(given).size === presentSet.size && given.every((label) => presentSet.has(label)));

  const report: ClassificationReport = {
    classes,
    accuracy: correct / truth.length,
    macroAvg: average(classes, undefined, support),
    weightedAvg: average(classes, supports, support),
    support,
    zeroDivision,
    warnings,
  };
  if (!microIsAccuracy) {
    const tp = numpySum(labels.map((label) => tpCount.get(label) ?? 0));
    const pred = numpySum(labels.map((label) => predictedCount.get(label) ?? 0));
    const precision = divide(tp, pred, zeroDivision);
    const recall = divide(tp, support, zeroDivision);
    report.microAvg = {
      precision,
      recall,
      f1: fScore(tp, pred, support, precision, recall, zeroDivision),
      support,
    };
  }
  return report;
}
