/** Every failure `@fmnist/train` reports, with a stable `code` to branch on (each code maps to itself). */
export const TRAIN_ERROR_CODES = {
  /** A backend that was asked for by name cannot load. */
  BACKEND_UNAVAILABLE: 'BACKEND_UNAVAILABLE',
  /** An option is out of range or of the wrong kind. */
  INVALID_OPTION: 'INVALID_OPTION',
  /** The loss became NaN or infinite. */
  LOSS_NOT_FINITE: 'LOSS_NOT_FINITE',
  /** A checkpoint is missing, truncated, or does not fit the run's model. */
  CHECKPOINT_INVALID: 'CHECKPOINT_INVALID',
  /** A run directory cannot be read or resumed. */
  RUN_INVALID: 'RUN_INVALID',
  /** A run or experiment to resume is finished already. */
  NOTHING_TO_RESUME: 'NOTHING_TO_RESUME',
} as const;

/** One of the codes in {@link TRAIN_ERROR_CODES}. */
export type TrainErrorCode = (typeof TRAIN_ERROR_CODES)[keyof typeof TRAIN_ERROR_CODES];

const BRAND = Symbol.for('fmnist.error');

/** The one error class of `@fmnist/train`: a message that says what to do, and a `code`. */
export class TrainError extends Error {
  override readonly name = 'TrainError';
  readonly code: TrainErrorCode;
  readonly [BRAND] = 'TrainError';

  constructor(code: TrainErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }

  /** True for a TrainError, also one from another copy of this package (it checks the brand). */
  static isInstance(value: unknown): value is TrainError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === 'TrainError'
    );
  }
}
