import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetricsError } from '../errors/metrics-error.js';
import { parseSweepRecord } from './parse-sweep-record.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests poke at arbitrary places of parsed JSON
type Loose = Record<string, any>;

// Frozen schemaVersion 1 record (see test/fixtures/README.md).
const text = readFileSync(
  new URL('../../test/fixtures/sweep-record-v1.json', import.meta.url),
  'utf8',
);

function failure(mutate: (r: Loose) => void): MetricsError {
  const r = JSON.parse(text);
  mutate(r);
  try {
    parseSweepRecord(r);
  } catch (error) {
    if (MetricsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the record to be refused');
}

describe('parseSweepRecord', () => {
  it('reads the frozen version-1 fixture and keeps every field', () => {
    const record = parseSweepRecord(text);
    expect(record.plan).toMatchObject({
      strategy: 'asha',
      minEpochs: 1,
      epochs: 3,
      holdoutSeed: 0,
    });
    expect(record.table[0]?.configurationId).toBe('c02');
    expect(record.table[1]?.mcnemar?.against).toBe('c02');
    expect(record.runs.every((run) => run.path.startsWith('runs/'))).toBe(true);
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse(text));
  });

  it.each([
    [
      'runs[0].path',
      (r: Loose) => {
        r.runs[0].path = '/abs/runs/c00-s0';
      },
    ],
    [
      'plan.strategy',
      (r: Loose) => {
        r.plan.strategy = 'bayes';
      },
    ],
    [
      'jobs[0].id',
      (r: Loose) => {
        r.jobs[0].id = 'trial-1';
      },
    ],
    [
      'table[1].mcnemar.pValue',
      (r: Loose) => {
        r.table[1].mcnemar.pValue = 2;
      },
    ],
  ])('names the path of a fault: %s', (path, mutate) => {
    const error = failure(mutate);
    expect(error.code).toBe('INVALID_RECORD');
    expect(error.path).toBe(path);
  });

  it('refuses a newer schema version, saying so', () => {
    expect(
      failure((r) => {
        r.schemaVersion = 2;
      }).code,
    ).toBe('UNSUPPORTED_SCHEMA_VERSION');
  });
});
