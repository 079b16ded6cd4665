import { decodeBase64 } from '@fmnist/dataset/browser';
import { MetricsError } from '../errors/metrics-error.js';
import type { RunPredictions } from './run-record-schema.js';

/**
 * The predicted class of every test image of a run, from its record's `predictions` (base64, one
 * byte per image). Works in Node and in browsers.
 *
 * @param predictions - a RunRecord's `predictions`
 * @returns one predicted class per test image, in the test set's order
 * @throws {MetricsError} `INVALID_ARGUMENT` when `predicted` is not base64
 *
 * @example
 * ```ts
 * const predicted = decodePredictions(record.predictions);
 * const correct = Array.from(predicted, (p, i) => p === testLabels[i]);
 * ```
 */
export function decodePredictions(predictions: Pick<RunPredictions, 'predicted'>): Uint8Array {
  try {
    return decodeBase64(predictions.predicted);
  } catch (error) {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      'predictions.predicted: expected base64 of one byte per test image, found text that does not decode. Train the run again to rewrite it.',
      { argument: 'predictions', cause: error },
    );
  }
}
