import { describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import { summarizeRunRecord } from '../shared/summarize-run-record.js';
import { readExperimentEntry } from './read-experiment-entry.js';
import { readRunEntry, readRunRecord } from './read-run-entry.js';

describe('readRunEntry and readRunRecord', () => {
  const base = { key: 'runs/x', source: 'runs/x', hasModel: false };
  it('takes a served summary as it is', () => {
    const summary = summarizeRunRecord(minimalRun());
    expect(readRunEntry({ ...base, version: '1', summary }).summary?.name).toBe('first');
    expect(
      readRunEntry({ ...base, version: '1', error: 'run.json is not valid JSON' }).problem,
    ).toBe('run.json is not valid JSON');
  });
  it('validates and summarises a whole record (a report, a dropped file)', () => {
    const loaded = readRunRecord(base, minimalRun());
    expect(loaded.record?.name).toBe('first');
    expect(loaded.summary?.epochs).toBe(2);
  });
  it('reads a run still being written: running, no metrics', () => {
    const {
      metrics: _m,
      confusionMatrix: _c,
      samples: _s,
      finishedAt: _f,
      ...running
    } = minimalRun();
    const loaded = readRunRecord(base, { ...running, status: 'running' });
    expect(loaded.problem).toBeUndefined();
    expect(loaded.summary?.status).toBe('running');
    expect(loaded.summary?.has.confusion).toBe(false);
  });
  it('says what is wrong with a malformed or newer record instead of throwing', () => {
    const wrong = readRunRecord(base, { ...minimalRun(), history: [{ epoch: 1, loss: 'x' }] });
    expect(wrong.record).toBeUndefined();
    expect(wrong.problem).toMatch(/history\[0\]/);
    expect(readRunRecord(base, { ...minimalRun(), schemaVersion: 2 }).problem).toMatch(/newer/);
  });
  it('says what is wrong with an experiment', () => {
    const loaded = readExperimentEntry({
      key: 'e',
      source: 'e',
      version: '1',
      runKeys: [],
      record: { schemaVersion: 1 },
    });
    expect(loaded.problem).toMatch(/experiment/);
  });
});
