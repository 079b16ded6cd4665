import { DatasetError } from './errors.js';
import type { BatchOptions } from './iterate-batches.js';

/**
 * How many batches `iterateBatches` yields for `count` examples.
 *
 * @throws {DatasetError} `INVALID_OPTION` for a batch size that is not a positive integer.
 */
export function countBatches(
  count: number,
  options: Pick<BatchOptions, 'batchSize' | 'dropRemainder'>,
): number {
  checkBatchSize(options.batchSize);
  return options.dropRemainder
    ? Math.floor(count / options.batchSize)
    : Math.ceil(count / options.batchSize);
}

function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected batchSize to be a positive integer, found ${batchSize}.`,
    );
  }
}
