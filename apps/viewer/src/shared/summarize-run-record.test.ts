import { describe, expect, it } from 'vitest';
import { minimalRun, sample } from '../../test/minimal-run.js';
import { readHyperparameters } from './read-hyperparameters.js';
import { summarizeRunRecord } from './summarize-run-record.js';

describe('summarizeRunRecord', () => {
  it('keeps a real-sized record’s summary under 2 KB, samples and history left out', () => {
    const record = minimalRun({
      history: Array.from({ length: 100 }, (_, i) => ({
        epoch: i + 1,
        loss: 0.5,
        accuracy: 0.8,
        valLoss: 0.6,
        valAccuracy: 0.7,
        seconds: 3,
      })),
      samples: Array.from({ length: 200 }, (_, i) =>
        sample(i, i % 3, (i + 1) % 3, i < 40 ? 'mistake' : 'cell'),
      ),
      config: { epochs: 100, batchSize: 200, seed: 0, validation: { mode: 'test', leakage: true } },
    });
    const summary = summarizeRunRecord(record);
    expect(JSON.stringify(summary).length).toBeLessThan(2048);
    expect(summary).toMatchObject({
      epochs: 100,
      validation: { mode: 'test', leakage: true },
      has: { confusion: true, mistakes: 40, samples: 200 },
      hparams: { optimizer: 'adam', learningRate: 0.001, batchSize: 200, epochs: 100, seed: 0 },
    });
  });
});

describe('readHyperparameters', () => {
  it('reads the optimizer, config, dropout and layer widths from a spec', () => {
    const spec = {
      inputShape: [784],
      layers: [
        { type: 'dropout', rate: 0.2 },
        { type: 'dense', units: 128 },
        { type: 'dense', units: 10 },
      ],
      optimizer: { name: 'sgd', learningRate: 0.01, momentum: 0.9, nesterov: false },
    };
    expect(
      readHyperparameters(spec, {
        epochs: 5,
        batchSize: 32,
        seed: 3,
        validation: { mode: 'holdout' },
      }),
    ).toEqual({
      optimizer: 'sgd',
      learningRate: 0.01,
      momentum: 0.9,
      nesterov: false,
      batchSize: 32,
      epochs: 5,
      seed: 3,
      validation: 'holdout',
      dropout: 0.2,
      widths: '128-10',
      depth: 2,
    });
    expect(readHyperparameters(null, null)).toEqual({});
  });
});
