import { describe, expect, it } from 'vitest';
import { MetricsError } from '../errors/metrics-error.js';
import { formatClassificationReportText } from '../format/format-classification-report-text.js';
import { classificationReport } from './classification-report.js';

function thrown(run: () => unknown): MetricsError {
  try {
    run();
  } catch (error) {
    if (MetricsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a MetricsError');
}

describe('classificationReport edge cases', () => {
  it('perfect predictions score 1 everywhere', () => {
    const r = classificationReport([0, 1, 2], [0, 1, 2]);
    expect(r.classes.map((c) => [c.precision, c.recall, c.f1])).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(r.accuracy).toBe(1);
    expect(r.microAvg).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it('all wrong scores 0 and prints supports as floats, as scikit-learn does', () => {
    const r = classificationReport([0, 1], [1, 0]);
    expect(r.accuracy).toBe(0);
    expect(formatClassificationReportText(r)).toContain(
      '    accuracy                           0.00       2.0\n',
    );
  });

  it('a class never predicted gets precision zeroDivision and a warning', () => {
    const r = classificationReport([0, 1, 1], [0, 0, 0]);
    expect(r.classes[1]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 2 });
    expect(r.warnings?.[0]).toMatch(/^Precision and F-score are ill-defined/);
    const one = classificationReport([0, 1, 1], [0, 0, 0], { zeroDivision: 1 });
    expect(one.classes[1]).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    expect(one.warnings).toEqual([]);
  });

  it('a class never present gets recall zeroDivision', () => {
    const r = classificationReport([0, 0], [0, 1], { zeroDivision: 1 });
    expect(r.classes[1]).toMatchObject({ precision: 0, recall: 1, f1: 0, support: 0 });
  });

  it('zeroDivision NaN leaves the undefined values out of the averages (scikit-learn >= 1.3)', () => {
    const r = classificationReport([0, 0, 1], [0, 0, 0], {
      labels: [0, 1, 2],
      zeroDivision: Number.NaN,
    });
    expect(r.classes[1]?.precision).toBeNaN();
    expect(r.classes[2]?.f1).toBeNaN();
    // macro precision: only class 0 (2/3) is defined
    expect(r.macroAvg.precision).toBeCloseTo(2 / 3, 15);
    // macro recall: classes 0 (1) and 1 (0) are defined
    expect(r.macroAvg.recall).toBe(0.5);
    expect(formatClassificationReportText(r)).toContain(
      '           2        nan       nan       nan         0\n',
    );
  });

  it('zeroDivision 1 with no true samples at all averages the classes unweighted (scikit-learn >= 1.3)', () => {
    const r = classificationReport([0, 0], [0, 1], { labels: [1, 2], zeroDivision: 1 });
    expect(r.support).toBe(0);
    // class 1: p 0, r 1, f 0; class 2: p 1, r 1, f 1 (scikit-learn 1.2.1 printed 0, 1, 0)
    expect(r.weightedAvg).toEqual({ precision: 0.5, recall: 1, f1: 0.5, support: 0 });
  });

  it('a labels subset gives a micro avg row and keeps accuracy', () => {
    const r = classificationReport([0, 1, 2, 2], [0, 2, 2, 1], { labels: [2, 0] });
    expect(r.microAvg).toBeDefined();
    expect(r.accuracy).toBe(0.5);
    expect(formatClassificationReportText(r)).toContain('   micro avg');
  });

  it('a labels superset gives zero rows for absent labels and a micro avg row', () => {
    const r = classificationReport([1, 1], [1, 0], { labels: [1, 5] });
    expect(r.classes[1]).toMatchObject({ label: 5, support: 0, precision: 0 });
    expect(r.microAvg).toBeDefined();
  });

  it('uses targetNames and widens the name column for long ones', () => {
    const r = classificationReport([0, 1], [0, 1], {
      targetNames: ['a long class name here', 'b'],
    });
    expect(r.classes.map((c) => c.name)).toEqual(['a long class name here', 'b']);
    expect(formatClassificationReportText(r).split('\n')[2]).toBe(
      'a long class name here       1.00      1.00      1.00         1',
    );
  });

  it('formats with 2, 3 and 4 digits', () => {
    const r = classificationReport([0, 1, 1], [0, 1, 0]);
    expect(formatClassificationReportText(r, { digits: 2 })).toContain('0.50      1.00      0.67');
    expect(formatClassificationReportText(r, { digits: 3 })).toContain('0.500     1.000     0.667');
    expect(formatClassificationReportText(r, { digits: 4 })).toContain(
      '0.5000    1.0000    0.6667',
    );
  });

  it('accepts typed arrays', () => {
    const a = classificationReport(new Uint8Array([0, 1, 1]), new Int32Array([0, 1, 0]));
    expect(a).toEqual(classificationReport([0, 1, 1], [0, 1, 0]));
  });
});

describe('classificationReport errors name the argument', () => {
  it.each([
    ['yTrue', 'EMPTY_INPUT', () => classificationReport([], [])],
    ['yPred', 'LENGTH_MISMATCH', () => classificationReport([0, 1], [0])],
    ['yTrue', 'INVALID_LABEL', () => classificationReport([0, 1.5], [0, 1])],
    ['yPred', 'INVALID_LABEL', () => classificationReport([0, 1], [0, -1])],
    ['yTrue', 'INVALID_ARGUMENT', () => classificationReport(null as never, [0])],
    [
      'targetNames',
      'INVALID_ARGUMENT',
      () => classificationReport([0, 1], [0, 1], { targetNames: ['a'] }),
    ],
    [
      'targetNames',
      'INVALID_ARGUMENT',
      () => classificationReport([0, 1], [0, 1], { labels: [0, 1, 2], targetNames: ['a', 'b'] }),
    ],
    ['labels', 'EMPTY_INPUT', () => classificationReport([0], [0], { labels: [] })],
    ['labels', 'INVALID_ARGUMENT', () => classificationReport([0], [0], { labels: [0, 0] })],
    [
      'zeroDivision',
      'INVALID_ARGUMENT',
      () => classificationReport([0], [0], { zeroDivision: 0.5 }),
    ],
  ] as const)('%s (%s)', (argument, code, run) => {
    const error = thrown(run);
    expect(error.code).toBe(code);
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(argument);
  });

  it('digits must be a non-negative integer', () => {
    const r = classificationReport([0], [0]);
    expect(thrown(() => formatClassificationReportText(r, { digits: -1 })).argument).toBe('digits');
  });
});
