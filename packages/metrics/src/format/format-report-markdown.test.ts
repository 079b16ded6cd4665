import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTEBOOK_REFERENCE } from '../compare/notebook-reference.js';
import { classificationReport } from '../compute/classification-report.js';
import { parseExperimentRecord } from '../records/parse-experiment-record.js';
import { parseRunRecord } from '../records/parse-run-record.js';
import { formatExperimentReportMarkdown } from './format-experiment-report-markdown.js';
import { formatRunReportMarkdown } from './format-run-report-markdown.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');

describe('formatRunReportMarkdown', () => {
  const run = parseRunRecord(fixture('run-record-v1.json'));
  it('writes config, history, metrics, report and matrix', () => {
    const report = classificationReport([0, 1, 1], [0, 1, 0], { targetNames: ['a', 'b'] });
    const md = formatRunReportMarkdown({
      ...run,
      classificationReport: report,
      classNames: undefined,
    });
    expect(md).toMatch(/^# Run mlp-adam\n/);
    expect(md).toContain('| 5 | 200 | holdout (0.1) | 42 |');
    expect(md).toContain('Best validation accuracy 0.8800 at epoch 5.');
    expect(md).toContain('| 5 | 0.1800 | 0.9000 | NaN | 0.8800 | 3.6 |');
    expect(md).toContain('| test | 0.4050 | 0.8921 |');
    expect(md).toContain('weighted avg       0.83      0.67      0.67         3');
    expect(md).toContain('| **0** | **761** | 3 |');
    expect(md).toContain('- epoch 5, early-stop: validation loss did not improve for 3 epochs');
    expect(md).not.toMatch(/\n\n\n/);
  });
  it('renders a running run with nothing but history', () => {
    const md = formatRunReportMarkdown({
      ...run,
      status: 'running',
      history: [],
      metrics: undefined,
      classificationReport: undefined,
      confusionMatrix: undefined,
      samples: undefined,
      events: undefined,
    });
    expect(md).toContain('No epoch has completed yet.');
    expect(md).not.toContain('## Final metrics');
  });
});

describe('formatExperimentReportMarkdown', () => {
  it('writes the comparison, reference, summary, McNemar and runs', () => {
    const md = formatExperimentReportMarkdown(
      parseExperimentRecord(fixture('experiment-record-v1.json')),
    );
    expect(md).toContain('# Experiment notebook');
    expect(md).toContain('| mlp-adam | 1, 2 | 0.0500 ± 0.0040 |');
    expect(md).toContain('| 0.8884 | -0.0014 |');
    expect(md).toContain('| mlp-adam | mlp-sgd | 151 | 95 | 0.0004 |');
    expect(md).toContain('`../../runs/mlp-sgd-20250101-122000`');
  });
});

describe('NOTEBOOK_REFERENCE', () => {
  it("holds DESIGN.md's table", () => {
    expect(Object.keys(NOTEBOOK_REFERENCE)).toEqual([
      'mlp-adam',
      'mlp-rmsprop',
      'mlp-sgd',
      'mlp-deep-sgd',
      'mlp-dropout-rmsprop',
    ]);
    expect(NOTEBOOK_REFERENCE['mlp-dropout-rmsprop'].testAccuracy).toBe(0.8921);
  });
});
