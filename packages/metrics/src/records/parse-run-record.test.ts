import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetricsError } from '../errors/metrics-error.js';
import { parseRunRecord } from './parse-run-record.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests poke at arbitrary places of parsed JSON
type Loose = Record<string, any>;

// Frozen schemaVersion 1 record (see test/fixtures/README.md).
const text = readFileSync(
  new URL('../../test/fixtures/run-record-v1.json', import.meta.url),
  'utf8',
);

function fresh(): Loose {
  return JSON.parse(text) as Loose;
}

function failure(value: unknown): MetricsError {
  try {
    parseRunRecord(value);
  } catch (error) {
    if (MetricsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the record to be refused');
}

type Mutation = (r: Loose) => void;

describe('parseRunRecord', () => {
  it('reads the frozen version-1 fixture, from text or from a value', () => {
    const run = parseRunRecord(text);
    expect(run.schemaVersion).toBe(1);
    expect(run.history).toHaveLength(5);
    expect(run.history[4]?.valLoss).toBeNaN(); // written as null
    expect(run.confusionMatrix?.[0]?.[0]).toBe(761);
    expect(parseRunRecord(fresh()).name).toBe('mlp-adam');
  });

  it('keeps unknown fields through a round trip', () => {
    const run = parseRunRecord(text);
    const again = JSON.parse(JSON.stringify(run));
    expect(again['x-future']).toEqual({ anything: [1, 2, 3] });
    expect(again.environment['x-gpu']).toBeNull();
    expect(again.samples[1]['x-note']).toBe('kept');
    expect(again.$comment).toMatch(/Frozen/);
    expect(again).toEqual(JSON.parse(text));
  });

  it('accepts a running run without the end-of-run fields', () => {
    const r = fresh();
    for (const key of [
      'finishedAt',
      'data',
      'metrics',
      'classificationReport',
      'confusionMatrix',
      'classNames',
      'samples',
      'events',
      'preset',
    ]) {
      delete r[key];
    }
    r.status = 'running';
    r.history = [];
    expect(parseRunRecord(r).status).toBe('running');
  });

  const broken: [string, Mutation, string, RegExp][] = [
    [
      'a history value of the wrong type',
      (r) => {
        r.history[3].loss = 'x';
      },
      'history[3].loss',
      /history\[3\]\.loss must be a number, got "x"/,
    ],
    [
      'a missing required field',
      (r) => {
        delete r.name;
      },
      'name',
      /name is missing \(expected a string\)/,
    ],
    [
      'an unknown status',
      (r) => {
        r.status = 'done';
      },
      'status',
      /status must be one of "running", "completed", "interrupted", "failed", got "done"/,
    ],
    [
      'a failed run without its error',
      (r) => {
        r.status = 'failed';
      },
      'error',
      /error is missing/,
    ],
    [
      'a date that is not ISO 8601',
      (r) => {
        r.createdAt = 'yesterday';
      },
      'createdAt',
      /createdAt must be an ISO 8601 date-time/,
    ],
    [
      'a batch size of 0',
      (r) => {
        r.config.batchSize = 0;
      },
      'config.batchSize',
      /config\.batchSize must be >= 1, got 0/,
    ],
    [
      'a non-integer epoch count',
      (r) => {
        r.config.epochs = 2.5;
      },
      'config.epochs',
      /config\.epochs must be an integer, got 2\.5/,
    ],
    [
      'an unknown validation mode',
      (r) => {
        r.config.validation.mode = 'kfold';
      },
      'config.validation.mode',
      /must be one of "holdout", "test", "none"/,
    ],
    [
      'a backend without a name',
      (r) => {
        delete r.environment.backend.name;
      },
      'environment.backend.name',
      /is missing/,
    ],
    [
      'a non-square confusion matrix',
      (r) => {
        r.confusionMatrix[2].pop();
      },
      'confusionMatrix[2]',
      /must have 10 counts/,
    ],
    [
      'a negative count',
      (r) => {
        r.confusionMatrix[1][1] = -3;
      },
      'confusionMatrix[1][1]',
      /must be >= 0, got -3/,
    ],
    [
      'pixels of the wrong size',
      (r) => {
        r.samples[0].pixels = 'AAAA';
      },
      'samples[0].pixels',
      /1048 characters/,
    ],
    [
      'a sample of an unknown kind',
      (r) => {
        r.samples[1].kind = 'random';
      },
      'samples[1].kind',
      /"mistake", "cell"/,
    ],
    [
      'classNames not matching the matrix',
      (r) => {
        r.classNames.pop();
      },
      'classNames',
      /must have 10 names/,
    ],
    [
      'a history that is not an array',
      (r) => {
        r.history = {};
      },
      'history',
      /history must be an array, got an object/,
    ],
  ];

  it.each(broken)('refuses %s, giving the path of the fault', (_, mutate, path, message) => {
    const r = fresh();
    mutate(r);
    const error = failure(r);
    expect(error.code).toBe('INVALID_RECORD');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.issues[0]?.path).toBe(path);
  });

  it('says a newer schemaVersion was written by a newer fmnist', () => {
    const r = fresh();
    r.schemaVersion = 2;
    const error = failure(r);
    expect(error.code).toBe('UNSUPPORTED_SCHEMA_VERSION');
    expect(error.message).toMatch(/written by a newer fmnist \(schemaVersion 2\)/);
  });

  it('refuses schemaVersion 0, text that is not JSON, and non-objects', () => {
    const r = fresh();
    r.schemaVersion = 0;
    expect(failure(r).path).toBe('schemaVersion');
    expect(failure('{"schemaVersion": 1,').code).toBe('INVALID_JSON');
    expect(failure([1, 2]).path).toBe('(root)');
  });

  it('accepts a UTF-8 byte order mark before the JSON', () => {
    expect(parseRunRecord(`\uFEFF${text}`).id).toBe(fresh().id);
  });

  it('refuses a record nested 100_000 levels deep with a depth limit, not a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const error = failure(text.replace(/\}\s*$/, `, "extra": ${deep}}`));
    expect(error.code).toBe('INVALID_RECORD');
    expect(error.message).toMatch(/more than 64 levels deep/);
  });

  it('lists every fault in issues', () => {
    const r = fresh();
    r.history[0].loss = 'x';
    r.history[1].seconds = -1;
    const error = failure(r);
    expect(error.issues.map((i) => i.path)).toEqual(['history[0].loss', 'history[1].seconds']);
  });
});

describe('a computed classification report in a run record', () => {
  it('survives JSON, NaN included', async () => {
    const { classificationReport } = await import('../compute/classification-report.js');
    const report = classificationReport([0, 0, 1], [0, 0, 0], {
      labels: [0, 1, 2],
      zeroDivision: Number.NaN,
    });
    const record = { ...parseRunRecord(text), classificationReport: report };
    const written = JSON.stringify(record);
    const read = parseRunRecord(written);
    expect(read.classificationReport).toEqual(report);
    expect(JSON.parse(JSON.stringify(read))).toEqual(JSON.parse(written));
  });
});
