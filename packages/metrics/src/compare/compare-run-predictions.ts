import { type McNemarResult, mcnemar } from '../compute/mcnemar.js';
import { decodePredictions } from '../records/decode-predictions.js';
import type { RunRecord } from '../records/run-record-schema.js';

/** The test set's labels, with the sha256 (lowercase hex) of their bytes, as run records keep it. */
export interface TestLabels {
  /** One label per test image. */
  labels: ArrayLike<number>;
  /** sha256 of the labels, one byte each (what `RunRecord.predictions.labelsSha256` holds). */
  sha256: string;
}

/** Two runs compared image by image, or why they cannot be. */
export type RunPairResult =
  | ({ comparable: true } & McNemarResult)
  | { comparable: false; reason: string };

/**
 * McNemar's exact test between two runs' test predictions: how many test images A gets right and
 * B wrong, and the other way round, and how likely such a split is if the two were equally good.
 * Only runs on the same test set compare: both records' `predictions.labelsSha256` must equal
 * `test.sha256`.
 *
 * @param a - a run record with `predictions`
 * @param b - another run record with `predictions`
 * @param test - the test labels both were scored on
 * @returns the McNemar counts and p-value, or `comparable: false` with the reason
 *
 * @example
 * ```ts
 * const result = compareRunPredictions(rmsprop, dropout, { labels, sha256 });
 * if (result.comparable) console.log(result.pValue); // 0.83: no evidence either is better
 * ```
 */
export function compareRunPredictions(a: RunRecord, b: RunRecord, test: TestLabels): RunPairResult {
  for (const [which, record] of [
    ['A', a],
    ['B', b],
  ] as const) {
    const predictions = record.predictions;
    if (predictions === undefined) {
      return {
        comparable: false,
        reason: `run ${which} (${record.name}) has no test predictions: it is unfinished or from an older fmnist`,
      };
    }
    if (predictions.labelsSha256 !== test.sha256) {
      return {
        comparable: false,
        reason: `run ${which} (${record.name}) was tested on other labels (sha256 ${predictions.labelsSha256.slice(0, 12)}…, expected ${test.sha256.slice(0, 12)}…)`,
      };
    }
  }
  const predictedA = decodePredictions(a.predictions as { predicted: string });
  const predictedB = decodePredictions(b.predictions as { predicted: string });
  const count = test.labels.length;
  if (predictedA.length !== count || predictedB.length !== count) {
    return {
      comparable: false,
      reason: `expected ${count} predictions per run (one per test image), found ${predictedA.length} and ${predictedB.length}`,
    };
  }
  const correctA = Array.from(predictedA, (p, i) => p === test.labels[i]);
  const correctB = Array.from(predictedB, (p, i) => p === test.labels[i]);
  return { comparable: true, ...mcnemar(correctA, correctB) };
}
