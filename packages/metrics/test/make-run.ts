// Test helper: a RunRecord built from the v1 fixture with chosen numbers and test predictions.

import { parseRunRecord } from '../src/records/parse-run-record.js';
import type { RunRecord } from '../src/records/run-record-schema.js';
import runV1 from './fixtures/run-record-v1.json' with { type: 'json' };

/** Options of {@link makeRun}. */
export interface MakeRunOptions {
  preset?: string;
  seed?: number;
  status?: 'completed' | 'interrupted';
  trainLoss?: number;
  trainAccuracy?: number;
  testLoss?: number;
  testAccuracy?: number;
  seconds?: number;
  predicted?: readonly number[];
  labelsSha256?: string;
}

/** A parsed run record: two epochs (the second with the train numbers), test metrics, predictions. */
export function makeRun(options: MakeRunOptions = {}): RunRecord {
  const seconds = options.seconds ?? 4;
  const history = [
    { epoch: 1, loss: 1, accuracy: 0.5, seconds: seconds / 2 },
    {
      epoch: 2,
      loss: options.trainLoss ?? 0.3,
      accuracy: options.trainAccuracy ?? 0.9,
      seconds: seconds / 2,
    },
  ];
  const { predictions: _none, ...base } = runV1 as typeof runV1 & { predictions?: unknown };
  return parseRunRecord({
    ...base,
    name: `${options.preset ?? 'mlp-adam'}-seed${options.seed ?? 0}`,
    preset: options.preset ?? 'mlp-adam',
    status: options.status ?? 'completed',
    config: { ...runV1.config, epochs: 2, seed: options.seed ?? 0 },
    history,
    metrics: {
      test: { loss: options.testLoss ?? 0.4, accuracy: options.testAccuracy ?? 0.88 },
    },
    ...(options.predicted === undefined
      ? {}
      : {
          predictions: {
            split: 'test',
            labelsSha256: options.labelsSha256 ?? 'a'.repeat(64),
            predicted: btoa(String.fromCharCode(...options.predicted)),
          },
        }),
  });
}
