import { describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import { filterRunRows } from './filter-run-rows.js';
import { sortRunRows } from './sort-run-rows.js';
import { optimizerName, summarizeRun } from './summarize-run.js';

describe('summarizeRun', () => {
  it('takes final numbers from metrics and sums epoch times', () => {
    const row = summarizeRun('runs/a', minimalRun());
    expect(row).toMatchObject({
      key: 'runs/a',
      name: 'first',
      preset: 'mlp-adam',
      optimizer: 'adam',
      epochs: 2,
      epochsPlanned: 2,
      trainLoss: 0.45,
      valAccuracy: 0.75,
      testAccuracy: 0.74,
      seconds: 5,
      backend: 'wasm',
      status: 'completed',
    });
  });

  it('reads a run still being written (no metrics) from its last epoch', () => {
    const { metrics: _, ...running } = minimalRun({ status: 'running' });
    const row = summarizeRun('k', { ...running, history: running.history.slice(0, 1) });
    expect(row).toMatchObject({ epochs: 1, trainLoss: 1, valAccuracy: 0.45, testLoss: null });
  });

  it('shows NaN metrics (a diverged loss) as missing', () => {
    const row = summarizeRun(
      'k',
      minimalRun({ metrics: { test: { loss: Number.NaN, accuracy: 0.1 } } }),
    );
    expect(row.testLoss).toBeNull();
  });

  it('finds the optimizer name in several spec shapes', () => {
    expect(optimizerName({ optimizer: 'sgd' })).toBe('sgd');
    expect(optimizerName({ optimizer: { name: 'rmsprop' } })).toBe('rmsprop');
    expect(optimizerName(null)).toBe('');
  });
});

describe('sortRunRows and filterRunRows', () => {
  const rows = [
    summarizeRun('a', minimalRun({ name: 'b-run', metrics: { test: { loss: 1, accuracy: 0.5 } } })),
    summarizeRun('b', minimalRun({ name: 'a-run', preset: 'mlp-sgd', metrics: {} })),
    summarizeRun('c', minimalRun({ name: 'c-run', metrics: { test: { loss: 1, accuracy: 0.9 } } })),
  ];

  it('sorts numbers both ways with missing values last', () => {
    const keys = (list: typeof rows) => list.map((r) => r.key);
    expect(keys(sortRunRows(rows, 'testAccuracy', 'ascending'))).toEqual(['a', 'c', 'b']);
    expect(keys(sortRunRows(rows, 'testAccuracy', 'descending'))).toEqual(['c', 'a', 'b']);
    expect(keys(sortRunRows(rows, 'name', 'ascending'))).toEqual(['b', 'a', 'c']);
  });

  it('filters on every word, case-insensitively', () => {
    expect(filterRunRows(rows, 'SGD').map((r) => r.key)).toEqual(['b']);
    expect(filterRunRows(rows, 'adam c-run').map((r) => r.key)).toEqual(['c']);
    expect(filterRunRows(rows, '  ')).toHaveLength(3);
  });
});
