import { describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import { readExperimentEntry } from './read-experiment-entry.js';
import { readRunEntry } from './read-run-entry.js';

describe('readRunEntry', () => {
  const base = { key: 'runs/x', source: 'runs/x', hasModel: false };

  it('validates a record', () => {
    expect(readRunEntry({ ...base, record: minimalRun() }).record?.name).toBe('first');
  });

  it('reads a run still being written: running, no metrics', () => {
    const {
      metrics: _m,
      confusionMatrix: _c,
      samples: _s,
      finishedAt: _f,
      ...running
    } = minimalRun();
    const loaded = readRunEntry({ ...base, record: { ...running, status: 'running' } });
    expect(loaded.problem).toBeUndefined();
    expect(loaded.record?.status).toBe('running');
  });

  it('says what is wrong with a malformed or newer record instead of throwing', () => {
    const wrong = readRunEntry({
      ...base,
      record: { ...minimalRun(), history: [{ epoch: 1, loss: 'x' }] },
    });
    expect(wrong.record).toBeUndefined();
    expect(wrong.problem).toMatch(/history\[0\]/);
    const newer = readRunEntry({ ...base, record: { ...minimalRun(), schemaVersion: 2 } });
    expect(newer.problem).toMatch(/newer/);
    expect(readRunEntry({ ...base, error: 'run.json is not valid JSON' }).problem).toBe(
      'run.json is not valid JSON',
    );
  });

  it('says what is wrong with an experiment', () => {
    const loaded = readExperimentEntry({
      key: 'e',
      source: 'e',
      runKeys: [],
      record: { schemaVersion: 1 },
    });
    expect(loaded.problem).toMatch(/experiment/);
  });
});
