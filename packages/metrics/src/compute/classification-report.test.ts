import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatClassificationReportText } from '../format/format-classification-report-text.js';
import { classificationReport } from './classification-report.js';
import { confusionMatrix } from './confusion-matrix.js';

interface SklearnCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  labels?: number[];
  targetNames?: string[];
  digits: number;
  zeroDivision: number;
  text: string;
  dict: Record<string, Record<string, number> | number>;
  confusionMatrix: number[][];
}

const fixture = JSON.parse(
  readFileSync(
    new URL('../../test/fixtures/sklearn-classification-report.json', import.meta.url),
    'utf8',
  ),
) as { source: { sklearn: string }; cases: SklearnCase[] };

function compute(c: SklearnCase) {
  return classificationReport(c.yTrue, c.yPred, {
    ...(c.labels ? { labels: c.labels } : {}),
    ...(c.targetNames ? { targetNames: c.targetNames } : {}),
    zeroDivision: c.zeroDivision,
  });
}

describe(`classificationReport against scikit-learn ${fixture.source.sklearn}`, () => {
  it('has at least a dozen seeded random cases', () => {
    expect(fixture.cases.filter((c) => c.name.startsWith('random')).length).toBeGreaterThanOrEqual(
      12,
    );
  });

  for (const c of fixture.cases) {
    it(`${c.name}: formatted text, character for character`, () => {
      expect(formatClassificationReportText(compute(c), { digits: c.digits })).toBe(c.text);
    });

    it(`${c.name}: numbers and confusion matrix`, () => {
      const report = compute(c);
      const names = report.classes.map((row) => row.name);
      // output_dict is keyed by name: a repeated name keeps only its last row there.
      const unique = report.classes.filter(
        (row) => names.indexOf(row.name) === names.lastIndexOf(row.name),
      );
      for (const row of unique) {
        const expected = c.dict[row.name] as Record<string, number>;
        expect(row.precision).toBe(expected.precision);
        expect(row.recall).toBe(expected.recall);
        expect(row.f1).toBe(expected['f1-score']);
        expect(row.support).toBe(expected.support);
      }
      const averages: [string, typeof report.macroAvg | undefined][] = [
        ['macro avg', report.macroAvg],
        ['weighted avg', report.weightedAvg],
        ['micro avg', report.microAvg],
      ];
      for (const [key, row] of averages) {
        const expected = c.dict[key] as Record<string, number> | undefined;
        expect(row === undefined).toBe(expected === undefined);
        if (row && expected) {
          expect(row.precision).toBe(expected.precision);
          expect(row.recall).toBe(expected.recall);
          expect(row.f1).toBe(expected['f1-score']);
          expect(row.support).toBe(expected.support);
        }
      }
      if (c.dict.accuracy !== undefined) expect(report.accuracy).toBe(c.dict.accuracy);
      expect(confusionMatrix(c.yTrue, c.yPred, c.labels ? { labels: c.labels } : {})).toEqual(
        c.confusionMatrix,
      );
    });
  }
});
