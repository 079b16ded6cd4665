import { describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import { summarizeRunRecord } from '../shared/summarize-run-record.js';
import { buildRunRow, filterRunRows, formatCell, sortRunRows } from './run-rows.js';

const row = (
  key: string,
  overrides: Parameters<typeof minimalRun>[0] = {},
  experiments: string[] = [],
) => buildRunRow(key, summarizeRunRecord(minimalRun(overrides)), experiments);

describe('buildRunRow', () => {
  it('names the final evaluation and the last epoch’s running average apart', () => {
    const r = row('runs/a', {}, ['notebook-1']);
    expect(r.values).toMatchObject({
      name: 'first',
      experiment: 'notebook-1',
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 50,
      seed: 1,
      epochLoss: 0.5,
      trainLoss: 0.45,
      valAccuracy: 0.75,
      testAccuracy: 0.74,
      seconds: 5,
    });
  });
  it('falls back to the last epoch for validation only, while running', () => {
    const { metrics: _, ...running } = minimalRun({ status: 'running' });
    const r = buildRunRow(
      'k',
      summarizeRunRecord({ ...running, history: running.history.slice(0, 1) }),
      [],
    );
    expect(r.values).toMatchObject({
      epochs: 1,
      epochLoss: 1,
      trainLoss: null,
      valAccuracy: 0.45,
      testLoss: null,
    });
  });
  it('marks runs that validated on the test set', () => {
    const leaky = row('k', {
      config: { epochs: 2, batchSize: 50, seed: 1, validation: { mode: 'test', leakage: true } },
    });
    expect(leaky.leakage).toBe(true);
    expect(row('k').leakage).toBe(false);
  });
  it('shows NaN metrics (a diverged loss) as missing', () => {
    const r = row('k', { metrics: { test: { loss: Number.NaN, accuracy: 0.1 } } });
    expect(r.values.testLoss).toBeNull();
    expect(formatCell(r, 'testLoss')).toBe('–');
  });
});

describe('sortRunRows and filterRunRows', () => {
  const rows = [
    row('a', { name: 'b-run', metrics: { test: { loss: 1, accuracy: 0.5 } } }),
    row('b', {
      name: 'a-run',
      preset: 'mlp-sgd',
      spec: { optimizer: { name: 'sgd', learningRate: 0.01, momentum: 0.9 } },
      metrics: {},
    }),
    row('c', { name: 'c-run', metrics: { test: { loss: 1, accuracy: 0.8512 } } }),
  ];
  it('sorts numbers both ways with missing values last', () => {
    const keys = (list: typeof rows) => list.map((r) => r.key);
    expect(keys(sortRunRows(rows, 'testAccuracy', 'ascending'))).toEqual(['a', 'c', 'b']);
    expect(keys(sortRunRows(rows, 'testAccuracy', 'descending'))).toEqual(['c', 'a', 'b']);
    expect(keys(sortRunRows(rows, 'name', 'ascending'))).toEqual(['b', 'a', 'c']);
    expect(keys(sortRunRows(rows, 'momentum', 'descending'))).toEqual(['b', 'a', 'c']);
  });
  it('filters on every word, numbers included, case-insensitively', () => {
    expect(filterRunRows(rows, 'SGD').map((r) => r.key)).toEqual(['b']);
    expect(filterRunRows(rows, 'adam c-run').map((r) => r.key)).toEqual(['c']);
    expect(filterRunRows(rows, '0.85').map((r) => r.key)).toEqual(['c']);
    expect(filterRunRows(rows, '0.9').map((r) => r.key)).toEqual(['b']);
    expect(filterRunRows(rows, '  ')).toHaveLength(3);
    expect(filterRunRows(rows, 'nothing-like-this')).toEqual([]);
  });
});
