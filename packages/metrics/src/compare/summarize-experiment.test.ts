import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test/make-run.js';
import { formatExperimentTableText } from '../format/format-experiment-table-text.js';
import { NOTEBOOK_REFERENCE } from './notebook-reference.js';
import { summarizeExperiment } from './summarize-experiment.js';

const labels = Array.from({ length: 20 }, (_, i) => i % 10);
const wrongFirst = (n: number) => labels.map((l, i) => (i < n ? (l + 1) % 10 : l));

const runs = [
  {
    preset: 'mlp-adam',
    seed: 0,
    record: makeRun({ testAccuracy: 0.9, trainLoss: 0.04, seconds: 10, predicted: wrongFirst(0) }),
  },
  {
    preset: 'mlp-sgd',
    seed: 0,
    record: makeRun({ preset: 'mlp-sgd', testAccuracy: 0.8, predicted: wrongFirst(8) }),
  },
  {
    preset: 'mlp-adam',
    seed: 1,
    record: makeRun({
      seed: 1,
      testAccuracy: 0.86,
      trainLoss: 0.06,
      seconds: 12,
      predicted: wrongFirst(1),
    }),
  },
  {
    preset: 'mlp-sgd',
    seed: 1,
    record: makeRun({ preset: 'mlp-sgd', seed: 1, status: 'interrupted' }),
  },
];

describe('summarizeExperiment', () => {
  const parts = summarizeExperiment(runs, {
    references: NOTEBOOK_REFERENCE,
    testLabels: { labels, sha256: 'a'.repeat(64) },
  });

  it('averages each preset over its completed seeds, with the sample standard deviation', () => {
    const [adam, sgd] = parts.rows;
    expect(adam).toMatchObject({ preset: 'mlp-adam', seeds: [0, 1], seconds: 11 });
    expect(adam?.testAccuracy).toBeCloseTo(0.88, 10);
    expect(adam?.trainLoss).toBeCloseTo(0.05, 10);
    expect(adam?.std?.testAccuracy).toBeCloseTo(Math.SQRT2 * 0.02, 10);
    expect(adam?.reference).toEqual({
      trainLoss: 0.0416,
      trainAccuracy: 0.9846,
      testLoss: 0.7687,
      testAccuracy: 0.8884,
    });
    expect(sgd).toMatchObject({ preset: 'mlp-sgd', seeds: [0], testAccuracy: 0.8 });
    expect(sgd?.std).toBeUndefined();
    expect(Object.keys(parts.summary)).toEqual(['mlp-adam']);
    expect(parts.summary['mlp-adam']?.runs).toBe(2);
  });

  it('tests presets trained with the same seed against each other', () => {
    expect(parts.mcnemar).toEqual([
      {
        a: 'mlp-adam',
        b: 'mlp-sgd',
        seed: 0,
        aRightBWrong: 8,
        aWrongBRight: 0,
        pValue: expect.closeTo(2 * 0.5 ** 8, 12),
      },
    ]);
  });

  it('prints ours, the notebook and the difference per model, then the tests', () => {
    const text = formatExperimentTableText({ ...parts, references: NOTEBOOK_REFERENCE });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^model +seeds +seconds +train loss \(last epoch\) +train acc \(last epoch\) +test loss +test acc$/,
    );
    expect(lines[1]).toMatch(
      /^mlp-adam +0,1 +11\.0 ± 1\.4 +0\.0500 ± 0\.0141 .* 0\.8800 ± 0\.0283$/,
    );
    expect(lines[2]).toMatch(/^ {2}notebook \(model 1\) +0\.0416 +0\.9846 +0\.7687 +0\.8884$/);
    expect(lines[3]).toMatch(/^ {2}difference +\+0\.0084 +-0\.0846 +-0\.3687 +-0\.0084$/);
    expect(lines[4]).toMatch(/^mlp-sgd +0 +4\.0 +0\.3000 +0\.9000 +0\.4000 +0\.8000$/);
    expect(text).toMatch(/^mlp-adam +mlp-sgd +0 +8 +0 +0\.0078$/m);
  });

  it('says when nothing has completed', () => {
    expect(formatExperimentTableText({ rows: [], references: {} })).toBe(
      'No run has completed yet.',
    );
  });
});
