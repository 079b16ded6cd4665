import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test/make-run.js';
import { formatRunsComparisonText } from '../format/format-runs-comparison-text.js';
import { compareRuns } from './compare-runs.js';
import { sortRuns } from './sort-runs.js';

const labels = Array.from({ length: 100 }, (_, i) => i % 10);
const test = { labels, sha256: 'a'.repeat(64) };
/** Predictions wrong on the first `wrong` images. */
const wrongOn = (wrong: number) => labels.map((l, i) => (i < wrong ? (l + 1) % 10 : l));
const run = (label: string, wrong: number, extra: Parameters<typeof makeRun>[0] = {}) => ({
  label,
  record: makeRun({ predicted: wrongOn(wrong), testAccuracy: 1 - wrong / 100, ...extra }),
});

describe('sortRuns', () => {
  // An unfinished run has no final metrics yet.
  const { metrics: _none, ...unfinished } = makeRun({ status: 'interrupted' });
  const runs = [
    run('b', 30, { testLoss: 0.9, seconds: 2 }),
    run('a', 2, { testLoss: 0.1, seconds: 8 }),
    { label: 'unfinished', record: unfinished },
    run('c', 2, { testLoss: 0.2, seconds: 4 }),
  ];

  it('puts the highest accuracy first, ties and missing numbers in their given order', () => {
    expect(sortRuns(runs, 'test-accuracy').map((r) => r.label)).toEqual([
      'a',
      'c',
      'b',
      'unfinished',
    ]);
  });

  it('puts the lowest loss and the fewest seconds first', () => {
    expect(sortRuns(runs, 'test-loss').map((r) => r.label)).toEqual(['a', 'c', 'b', 'unfinished']);
    expect(sortRuns(runs, 'seconds')[0]?.label).toBe('b');
  });

  it('does not change the array it is given', () => {
    sortRuns(runs, 'test-accuracy');
    expect(runs.map((r) => r.label)).toEqual(['b', 'a', 'unfinished', 'c']);
  });
});

describe('compareRuns with sort and pairsWith: best', () => {
  const runs = [run('b', 30), run('d', 10), run('a', 2), run('c', 5)];

  it('numbers the runs best first and tests only the best against each other run', () => {
    const comparison = compareRuns(runs, {
      testLabels: [test],
      sort: 'test-accuracy',
      pairsWith: 'best',
    });
    expect(comparison.runs.map((r) => r.label)).toEqual(['a', 'c', 'd', 'b']);
    expect(comparison.pairs.map((p) => [p.a, p.b])).toEqual([
      [1, 2],
      [1, 3],
      [1, 4],
    ]);
    expect(comparison.pairs[2]).toMatchObject({ aRightBWrong: 28, aWrongBRight: 0, better: 'a' });
    expect(comparison).toMatchObject({ sortedBy: 'test-accuracy', pairsWith: 'best' });
    const text = formatRunsComparisonText(comparison);
    expect(text).toContain('Runs, ranked by test-accuracy, best first:');
    expect(text).toContain('Run 1 (the best, ranked by test-accuracy) against each other run');
  });

  it('keeps every pair by default: n(n-1)/2 of them', () => {
    const comparison = compareRuns(runs, { testLabels: [test] });
    expect(comparison.pairs).toHaveLength(6);
    expect(comparison.pairsWith).toBe('all');
    expect(comparison.sortedBy).toBeUndefined();
  });
});
