import { DatasetError } from '../errors/dataset-error.js';

/** Options for {@link countBatches}. */
export interface CountBatchesOptions {
  /** Examples per batch. */
  batchSize: number;
  /** Leave out a last, smaller batch; default false. */
  dropRemainder?: boolean;
}

/**
 * How many batches `batches` yields for `count` examples.
 *
 * @throws {DatasetError} `INVALID_OPTION` for a batch size that is not a positive integer.
 * @example
 * ```ts
 * countBatches(60000, { batchSize: 200 }); // 300
 * ```
 */
export function countBatches(count: number, options: CountBatchesOptions): number {
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
