import type { RunRecord, RunSample } from '@fmnist/metrics';

/** A 28×28 sample image whose pixels are all `value`, base64-encoded as records keep them. */
export function flatPixels(value: number): string {
  return Buffer.from(new Uint8Array(784).fill(value)).toString('base64');
}

/** A sample of the record: true `label`, predicted `predicted`. */
export function sample(
  index: number,
  label: number,
  predicted: number,
  kind: RunSample['kind'],
  confidence = 0.9,
): RunSample {
  const probabilities = Array.from({ length: 3 }, (_, i) =>
    i === predicted ? confidence : (1 - confidence) / 2,
  );
  return { index, label, predicted, probabilities, pixels: flatPixels(index % 256), kind };
}

/** A small valid RunRecord written by hand (3 classes, 2 epochs), with `overrides` applied. */
export function minimalRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    schemaVersion: 1,
    id: 'run-1',
    name: 'first',
    preset: 'mlp-adam',
    status: 'completed',
    createdAt: '2025-01-01T12:00:00.000Z',
    finishedAt: '2025-01-01T12:01:00.000Z',
    spec: { optimizer: { name: 'adam', learningRate: 0.001 } },
    config: { epochs: 2, batchSize: 50, validation: { mode: 'holdout', size: 0.1 }, seed: 1 },
    environment: {
      backend: { name: 'wasm', reason: 'test' },
      passedOver: [],
      tfjs: '4.22.0',
      node: 'v20.20.0',
      cpu: 'test',
    },
    history: [
      { epoch: 1, loss: 1, accuracy: 0.5, valLoss: 1.1, valAccuracy: 0.45, seconds: 2 },
      { epoch: 2, loss: 0.5, accuracy: 0.8, valLoss: 0.6, valAccuracy: 0.75, seconds: 3 },
    ],
    metrics: {
      train: { loss: 0.45, accuracy: 0.82 },
      validation: { loss: 0.6, accuracy: 0.75 },
      test: { loss: 0.62, accuracy: 0.74 },
    },
    confusionMatrix: [
      [5, 1, 0],
      [2, 3, 1],
      [0, 0, 0],
    ],
    classNames: ['a', 'b', 'c'],
    samples: [
      sample(1, 0, 1, 'mistake', 0.7),
      sample(2, 1, 0, 'mistake', 0.95),
      sample(1, 0, 1, 'cell', 0.7),
      sample(3, 0, 0, 'cell'),
    ],
    ...overrides,
  } as RunRecord;
}
