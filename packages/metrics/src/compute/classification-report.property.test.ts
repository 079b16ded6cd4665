import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClassificationReportText } from '../format/format-classification-report-text.js';
import { classificationReport } from './classification-report.js';
import { confusionMatrix } from './confusion-matrix.js';

const pairs = fc
  .integer({ min: 1, max: 60 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
    ),
  );

describe('classificationReport properties', () => {
  it('agrees with the confusion matrix', () => {
    fc.assert(
      fc.property(pairs, ([yTrue, yPred]) => {
        const cm = confusionMatrix(yTrue, yPred);
        const report = classificationReport(yTrue, yPred);
        const diagonal = cm.reduce((sum, row, i) => sum + (row[i] as number), 0);
        expect(report.accuracy).toBe(diagonal / yTrue.length);
        report.classes.forEach((row, i) => {
          expect(row.support).toBe(cm[i]?.reduce((a, b) => a + b, 0));
          expect(row.precision).toBeGreaterThanOrEqual(0);
          expect(row.f1).toBeLessThanOrEqual(1);
        });
        expect(report.support).toBe(yTrue.length);
      }),
      { numRuns: 200 },
    );
  });

  it('formats a header, a line per class and three average lines', () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: 0, max: 6 }), ([yTrue, yPred], digits) => {
        const report = classificationReport(yTrue, yPred);
        const text = formatClassificationReportText(report, { digits });
        expect(text.split('\n')).toHaveLength(report.classes.length + 7);
        expect(text.endsWith('\n')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
