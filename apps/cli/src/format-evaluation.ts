import {
  type ClassificationReport,
  formatClassificationReportText,
  formatConfusionMatrixText,
} from '@fmnist/metrics';

/** What {@link formatEvaluation} prints. */
export interface EvaluationText {
  /** Which split: `test`, `train`, ... */
  split: string;
  loss?: number;
  accuracy?: number;
  classificationReport?: ClassificationReport;
  confusionMatrix?: number[][];
  classNames?: readonly string[];
}

/**
 * Loss and accuracy on a split, then scikit-learn's classification report and the confusion
 * matrix as the notebook prints them.
 */
export function formatEvaluation(result: EvaluationText): string {
  const lines: string[] = [];
  if (result.loss !== undefined && result.accuracy !== undefined) {
    lines.push(
      `${result.split}: loss ${result.loss.toFixed(4)} - accuracy ${result.accuracy.toFixed(4)}`,
      '',
    );
  }
  if (result.classificationReport) {
    lines.push(
      `Classification report (${result.split} set):`,
      '',
      formatClassificationReportText(result.classificationReport).trimEnd(),
      '',
    );
  }
  if (result.confusionMatrix) {
    lines.push(
      `Confusion matrix (${result.split} set; rows true, columns predicted):`,
      '',
      formatConfusionMatrixText(result.confusionMatrix, result.classNames),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
