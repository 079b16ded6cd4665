import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test/make-run.js';
import { formatRunsComparisonMarkdown } from '../format/format-runs-comparison-markdown.js';
import { formatRunsComparisonText } from '../format/format-runs-comparison-text.js';
import { decodePredictions } from '../records/decode-predictions.js';
import { compareRunPredictions } from './compare-run-predictions.js';
import { compareRuns } from './compare-runs.js';

const labels = Array.from({ length: 100 }, (_, i) => i % 10);
const test = { labels, sha256: 'a'.repeat(64) };
// A is right on all but the first 2 images; B wrong on the first 30.
const predictedA = labels.map((l, i) => (i < 2 ? (l + 1) % 10 : l));
const predictedB = labels.map((l, i) => (i < 30 ? (l + 1) % 10 : l));
const predictedC = labels.map((l, i) => (i >= 98 ? (l + 1) % 10 : l));

describe('decodePredictions', () => {
  it('reads the base64 bytes back', () => {
    expect(Array.from(decodePredictions({ predicted: btoa('\x00\x01\x09') }))).toEqual([0, 1, 9]);
  });

  it('says when the text is not base64', () => {
    expect(() => decodePredictions({ predicted: '%%%' })).toThrow(/expected base64/);
  });
});

describe('compareRunPredictions', () => {
  it('counts the discordant images and gives the exact p-value', () => {
    const result = compareRunPredictions(
      makeRun({ predicted: predictedA }),
      makeRun({ predicted: predictedB }),
      test,
    );
    expect(result).toMatchObject({
      comparable: true,
      aRightBWrong: 28,
      aWrongBRight: 0,
      bothRight: 70,
      bothWrong: 2,
    });
    expect(result.comparable && result.pValue).toBeCloseTo(2 * 0.5 ** 28, 15);
  });

  it('refuses runs on another test set or without predictions', () => {
    const other = makeRun({ predicted: predictedB, labelsSha256: 'b'.repeat(64) });
    expect(compareRunPredictions(makeRun({ predicted: predictedA }), other, test)).toMatchObject({
      comparable: false,
      reason: expect.stringContaining('tested on other labels'),
    });
    expect(compareRunPredictions(makeRun(), other, test)).toMatchObject({
      comparable: false,
      reason: expect.stringContaining('has no test predictions'),
    });
  });
});

describe('compareRuns', () => {
  const runs = [
    { label: 'runs/a', record: makeRun({ predicted: predictedA, testAccuracy: 0.98 }) },
    { label: 'runs/b', record: makeRun({ predicted: predictedB, testAccuracy: 0.7 }) },
    { label: 'runs/c', record: makeRun({ predicted: predictedC, testAccuracy: 0.98 }) },
    { label: 'runs/old', record: makeRun({ status: 'interrupted' }) },
  ];

  it('pairs the runs on the same test set and says which difference is beyond chance', () => {
    const comparison = compareRuns(runs, { testLabels: [test] });
    expect(comparison.runs.map((r) => [r.index, r.label, r.epochs, r.seconds])).toEqual([
      [1, 'runs/a', 2, 4],
      [2, 'runs/b', 2, 4],
      [3, 'runs/c', 2, 4],
      [4, 'runs/old', 2, 4],
    ]);
    expect(comparison.pairs).toEqual([
      expect.objectContaining({ a: 1, b: 2, aRightBWrong: 28, aWrongBRight: 0, better: 'a' }),
      expect.objectContaining({ a: 1, b: 3, aRightBWrong: 2, aWrongBRight: 2, pValue: 1 }),
      expect.objectContaining({ a: 2, b: 3, better: 'b' }),
    ]);
    expect(comparison.pairs[1]?.better).toBe('none');
    expect(comparison.pairs[0]?.testAccuracyDifference).toBeCloseTo(0.28, 10);
    expect(comparison.notes).toEqual([
      'run 4 (runs/old) has no test predictions (status interrupted): it takes part in no McNemar test.',
    ]);
  });

  it('pairs only runs on the same test set', () => {
    const other = { labels, sha256: 'b'.repeat(64) };
    const comparison = compareRuns(
      [
        ...runs.slice(0, 2),
        {
          label: 'runs/other',
          record: makeRun({ predicted: predictedC, labelsSha256: other.sha256 }),
        },
      ],
      { testLabels: [test, other] },
    );
    expect(comparison.pairs.map((pair) => [pair.a, pair.b])).toEqual([[1, 2]]);
    expect(comparison.notes).toEqual([
      'run 3 (runs/other) is the only one scored on its test set: it takes part in no McNemar test.',
    ]);
  });

  it('makes no pairs without the test labels, and says why', () => {
    const comparison = compareRuns(runs.slice(0, 2));
    expect(comparison.pairs).toEqual([]);
    expect(comparison.notes.join('\n')).toContain('needs the test labels');
  });

  it('formats a text table and a markdown one', () => {
    const comparison = compareRuns(runs.slice(0, 3), { testLabels: [test] });
    const text = formatRunsComparisonText(comparison);
    expect(text.split('\n')[0]).toMatch(/^# {2}run {5}status {5}epochs {2}seconds {2}train loss/);
    expect(text).toMatch(
      /^1 {2}runs\/a {2}completed +2\/2 +4\.0 +0\.3000 +0\.9000 +0\.4000 +0\.9800$/m,
    );
    expect(text).toMatch(
      /^1 {2}3 +2 +2 +\+0\.0000 +1\.0000 {2}no evidence either is better \(p ≥ 0\.05\)$/m,
    );
    expect(text).toMatch(/^1 {2}2 +28 +0 +\+0\.2800 +7\.45e-9 {2}1 is better \(p < 0\.05\)$/m);
    const md = formatRunsComparisonMarkdown(comparison);
    expect(md).toContain('| # | run | status | epochs | seconds |');
    expect(md).toContain(
      '| 1 | 3 | 2 | 2 | +0.0000 | 1.0000 | no evidence either is better (p ≥ 0.05) |',
    );
  });
});
