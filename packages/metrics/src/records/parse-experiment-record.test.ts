import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetricsError } from '../errors/metrics-error.js';
import { parseExperimentConfig } from './parse-experiment-config.js';
import { parseExperimentRecord } from './parse-experiment-record.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests poke at arbitrary places of parsed JSON
type Loose = Record<string, any>;

// Frozen schemaVersion 1 record (see test/fixtures/README.md).
const text = readFileSync(
  new URL('../../test/fixtures/experiment-record-v1.json', import.meta.url),
  'utf8',
);

function failure(mutate: (r: Loose) => void): MetricsError {
  const r = JSON.parse(text);
  mutate(r);
  try {
    parseExperimentRecord(r);
  } catch (error) {
    if (MetricsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the record to be refused');
}

describe('parseExperimentRecord', () => {
  it('reads the frozen version-1 fixture and keeps unknown fields', () => {
    const record = parseExperimentRecord(text);
    expect(record.suite).toBe('notebook');
    expect(record.rows[0]?.seeds).toEqual([1, 2]);
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse(text));
  });

  it.each([
    [
      'rows[1].testAccuracy',
      (r: Loose) => {
        r.rows[1].testAccuracy = '0.9';
      },
      /must be a number, got "0.9"/,
    ],
    [
      'runs[0].path',
      (r: Loose) => {
        r.runs[0].path = '/abs/run';
      },
      /relative/,
    ],
    [
      'mcnemar[0].pValue',
      (r: Loose) => {
        r.mcnemar[0].pValue = 1.5;
      },
      /<= 1/,
    ],
    [
      'references["mlp-adam"].testLoss',
      (r: Loose) => {
        delete r.references['mlp-adam'].testLoss;
      },
      /is missing/,
    ],
    [
      'suite',
      (r: Loose) => {
        r.suite = '';
      },
      /suite must have >= 1 characters/,
    ],
  ])('refuses a fault at %s', (path, mutate, message) => {
    const error = failure(mutate);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('says a newer schemaVersion was written by a newer fmnist', () => {
    expect(
      failure((r) => {
        r.schemaVersion = 3;
      }).code,
    ).toBe('UNSUPPORTED_SCHEMA_VERSION');
  });
});

describe('the experiment config', () => {
  const config = {
    presets: ['mlp-adam'],
    seeds: [0, 1],
    epochs: 5,
    batchSize: 200,
    validation: 'holdout',
    validationSize: 0.1,
    backend: 'auto',
    dataDir: '/data',
  };

  it('is checked where a record has one, with the JSON path of the fault', () => {
    const good = JSON.parse(text);
    good.config = config;
    expect(parseExperimentRecord(good).config?.seeds).toEqual([0, 1]);
    const error = failure((r) => {
      r.config = { ...config, seeds: [0, 1.5] };
    });
    expect(error.path).toBe('config.seeds[1]');
    expect(error.message).toContain('config.seeds[1] must be an integer, got 1.5');
  });

  it('parses on its own, naming what is missing', () => {
    expect(parseExperimentConfig(config).backend).toBe('auto');
    expect(() => parseExperimentConfig({ ...config, validation: 'val' })).toThrow(
      /validation must be one of "holdout", "test", "none", got "val"/,
    );
    expect(() => parseExperimentConfig({ presets: ['a'] })).toThrow(/seeds is missing/);
  });
});
