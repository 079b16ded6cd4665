import type { RunRecord } from './run-record-schema.js';

/** A run's headline numbers, as the notebook reports a model's. */
export interface RunHeadline {
  /** The last epoch's logged training loss (a running average over its batches, as Keras logs it). */
  trainLoss: number;
  /** The last epoch's logged training accuracy. */
  trainAccuracy: number;
  /** The final evaluation loss on the test set. */
  testLoss: number;
  /** The final evaluation accuracy on the test set. */
  testAccuracy: number;
  /** Seconds spent training: the sum of the epochs' times. */
  seconds: number;
}

/**
 * The numbers the notebook prints for a model, read from a run record: the last epoch's logged
 * train loss and accuracy (not a re-evaluation, so that they compare with Keras' log), the test
 * loss and accuracy, and the training time. Numbers a run does not have yet are NaN.
 *
 * @param record - a parsed run record
 * @returns its headline numbers
 *
 * @example
 * ```ts
 * readRunHeadline(record).testAccuracy; // 0.8884
 * ```
 */
export function readRunHeadline(record: RunRecord): RunHeadline {
  const last = record.history.at(-1);
  return {
    trainLoss: last?.loss ?? Number.NaN,
    trainAccuracy: last?.accuracy ?? Number.NaN,
    testLoss: record.metrics?.test?.loss ?? Number.NaN,
    testAccuracy: record.metrics?.test?.accuracy ?? Number.NaN,
    seconds: record.history.reduce((sum, entry) => sum + entry.seconds, 0),
  };
}
