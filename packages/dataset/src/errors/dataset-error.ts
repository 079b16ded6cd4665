/**
 * Every failure `@fmnist/dataset` reports, with a stable `code` to branch on.
 * The values are the codes themselves so they can be logged and compared as strings.
 */
export const DATASET_ERROR_CODES = {
  /** The bytes do not start with an IDX magic number (or start with the wrong one). */
  IDX_BAD_MAGIC: 'IDX_BAD_MAGIC',
  /** The IDX type byte names no IDX element type. */
  IDX_UNSUPPORTED_TYPE: 'IDX_UNSUPPORTED_TYPE',
  /** The IDX header promises more or fewer bytes than the file holds. */
  IDX_LENGTH_MISMATCH: 'IDX_LENGTH_MISMATCH',
  /** Gzip data could not be decompressed. */
  GZIP_INVALID: 'GZIP_INVALID',
  /** Images and labels do not form a labelled image set (rank, type, count, label range). */
  DATASET_INVALID: 'DATASET_INVALID',
  /** A directory that was asked for does not hold the four dataset files. */
  FILES_NOT_FOUND: 'FILES_NOT_FOUND',
  /** A file's decompressed content does not have the manifest's sha256. */
  CHECKSUM_MISMATCH: 'CHECKSUM_MISMATCH',
  /** Every mirror failed for a file. */
  DOWNLOAD_FAILED: 'DOWNLOAD_FAILED',
  /** An option is out of range or of the wrong kind. */
  INVALID_OPTION: 'INVALID_OPTION',
  /** Text given as base64 does not decode. */
  BASE64_INVALID: 'BASE64_INVALID',
} as const;

/** One of the codes in {@link DATASET_ERROR_CODES}. */
export type DatasetErrorCode = (typeof DATASET_ERROR_CODES)[keyof typeof DATASET_ERROR_CODES];

/**
 * The brand every fmnist error class sets (issue 17's convention; this package has no runtime
 * dependencies, so it is a convention, not a shared base class): its value is the class name.
 */
const BRAND = Symbol.for('fmnist.error');

/**
 * The one error class this package throws. Messages say what was expected, what was found and
 * what to do; `code` is stable, `cause` carries the underlying error when there is one.
 *
 * @example
 * ```ts
 * try { parseIdx(bytes); } catch (error) {
 *   if (DatasetError.isInstance(error) && error.code === 'IDX_BAD_MAGIC') { ... }
 * }
 * ```
 */
export class DatasetError extends Error {
  /** Stable machine-readable reason, one of {@link DATASET_ERROR_CODES}. */
  readonly code: DatasetErrorCode;
  /** `'DatasetError'`: read by {@link DatasetError.isInstance}, the same in every copy of the package. */
  readonly [BRAND] = 'DatasetError';

  /**
   * @param code - one of {@link DATASET_ERROR_CODES}
   * @param message - expected / found / what to do
   * @param options - `cause`: the underlying error, if any
   */
  constructor(code: DatasetErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetError';
    this.code = code;
  }

  /**
   * Whether `value` is a {@link DatasetError}, also when it comes from another copy of this
   * package (where `instanceof` would say no): its `Symbol.for('fmnist.error')` brand is
   * `'DatasetError'`.
   */
  static isInstance(value: unknown): value is DatasetError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === 'DatasetError'
    );
  }
}
