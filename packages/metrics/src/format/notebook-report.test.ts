import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classificationReport } from '../compute/classification-report.js';
import { confusionMatrix } from '../compute/confusion-matrix.js';
import { formatClassificationReportText } from './format-classification-report-text.js';

// Copied from the notebook: model 5's confusion matrix and its printed classification report.
const notebook = JSON.parse(
  readFileSync(new URL('../../test/fixtures/notebook-model-5.json', import.meta.url), 'utf8'),
) as { confusionMatrix: number[][]; classificationReport: string; classNames: string[] };

function pairsFrom(cm: number[][]): { yTrue: Int32Array; yPred: Int32Array } {
  const total = cm.flat().reduce((a, b) => a + b, 0);
  const yTrue = new Int32Array(total);
  const yPred = new Int32Array(total);
  let k = 0;
  cm.forEach((row, t) => {
    row.forEach((n, p) => {
      for (let i = 0; i < n; i++, k++) {
        yTrue[k] = t;
        yPred[k] = p;
      }
    });
  });
  return { yTrue, yPred };
}

describe("the notebook's model 5", () => {
  const { yTrue, yPred } = pairsFrom(notebook.confusionMatrix);

  it('gives back the printed classification report, digit for digit', () => {
    expect(formatClassificationReportText(classificationReport(yTrue, yPred))).toBe(
      notebook.classificationReport,
    );
  });

  it('gives back the confusion matrix', () => {
    expect(confusionMatrix(yTrue, yPred)).toEqual(notebook.confusionMatrix);
  });

  it('has accuracy 0.8921, as the notebook printed', () => {
    expect(classificationReport(yTrue, yPred).accuracy).toBe(0.8921);
  });
});
