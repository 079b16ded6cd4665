/** Every failure `@fmnist/runs` reports, with a stable `code` to branch on (each code maps to itself). */
export const RUNS_ERROR_CODES = {
  /** A directory is not a run (no readable, valid record). */
  RUN_INVALID: 'RUN_INVALID',
  /** A directory is not an experiment (no readable, valid record). */
  EXPERIMENT_INVALID: 'EXPERIMENT_INVALID',
  /** Another live process holds the run's lock. */
  RUN_LOCKED: 'RUN_LOCKED',
  /** A status change the run's life does not allow (e.g. completed → running). */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** An option is out of range or of the wrong kind. */
  INVALID_OPTION: 'INVALID_OPTION',
} as const;

/** One of the codes in {@link RUNS_ERROR_CODES}. */
export type RunsErrorCode = (typeof RUNS_ERROR_CODES)[keyof typeof RUNS_ERROR_CODES];

const BRAND = Symbol.for('fmnist.error');

/** The one error class of `@fmnist/runs`: a message that says what to do, and a `code`. */
export class RunsError extends Error {
  override readonly name = 'RunsError';
  readonly code: RunsErrorCode;
  readonly [BRAND] = 'RunsError';

  constructor(code: RunsErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }

  /** True for a RunsError, also one from another copy of this package (it checks the brand). */
  static isInstance(value: unknown): value is RunsError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === 'RunsError'
    );
  }
}
