/**
 * Every error code `@fmnist/sweep` throws. The values are the codes themselves, so that they can
 * be logged and compared as strings; switch on `error.code`, never on the message.
 */
export const SWEEP_ERROR_CODES = {
  /** A search space failed validation; `issues` lists every fault with its JSON path. */
  INVALID_SPACE: 'INVALID_SPACE',
  /** No built-in search space has that name. */
  UNKNOWN_SPACE: 'UNKNOWN_SPACE',
  /** A strategy's options do not fit the space (more trials than a grid has, a range without points, …). */
  INVALID_PLAN: 'INVALID_PLAN',
  /** A result was reported for a job the scheduler did not hand out. */
  UNKNOWN_JOB: 'UNKNOWN_JOB',
} as const;

/** One of the codes in {@link SWEEP_ERROR_CODES}. */
export type SweepErrorCode = (typeof SWEEP_ERROR_CODES)[keyof typeof SWEEP_ERROR_CODES];

/** Options of the {@link SweepError} constructor. */
export interface SweepErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
  /** Every fault, each starting with its JSON path (for `INVALID_SPACE`). */
  issues?: readonly string[];
}

const BRAND = Symbol.for('fmnist.error');

/**
 * The one error class of `@fmnist/sweep`. Its message says what was expected, what was found and
 * what to do; `code` says which kind of failure it is.
 */
export class SweepError extends Error {
  /** Which kind of failure this is. */
  readonly code: SweepErrorCode;
  /** Individual faults, each with its JSON path; empty when there is only the message. */
  readonly issues: readonly string[];
  /** The brand every fmnist error carries: its class name. */
  readonly [BRAND] = 'SweepError';

  /**
   * @param code - one of {@link SWEEP_ERROR_CODES}
   * @param message - expected / found / what to do
   * @param options - `cause` and `issues`
   */
  constructor(code: SweepErrorCode, message: string, options: SweepErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SweepError';
    this.code = code;
    this.issues = options.issues ?? [];
  }

  /** Whether `value` is a SweepError, also when it comes from another copy of this package. */
  static isInstance(value: unknown): value is SweepError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === 'SweepError'
    );
  }
}
