/**
 * Every error code `@fmnist/models` throws, with what it means. The values are the codes
 * themselves, so that they can be logged and compared as strings. Switch on `error.code`, never
 * on the message text.
 */
export const MODELS_ERROR_CODES = {
  /** A model spec failed validation; `issues` lists every fault with its path. */
  INVALID_SPEC: 'INVALID_SPEC',
  /** An override of a spec's optimizer does not apply to it (e.g. momentum for adam). */
  INVALID_OVERRIDE: 'INVALID_OVERRIDE',
  /** `getPreset` was asked for a name that is not in `PRESET_NAMES`. */
  UNKNOWN_PRESET: 'UNKNOWN_PRESET',
  /** `model.json` (or the directory holding it) does not exist. */
  MODEL_FILE_MISSING: 'MODEL_FILE_MISSING',
  /** `model.json` is not a tfjs LayersModel file. */
  MODEL_FILE_INVALID: 'MODEL_FILE_INVALID',
  /** A weights file named by `model.json` does not exist. */
  WEIGHTS_FILE_MISSING: 'WEIGHTS_FILE_MISSING',
  /** The weights file has another size than `model.json` describes (truncated or from another model). */
  WEIGHTS_SIZE_MISMATCH: 'WEIGHTS_SIZE_MISMATCH',
  /** The weights file has the right size but not the bytes `model.json` was saved with. */
  WEIGHTS_CHECKSUM_MISMATCH: 'WEIGHTS_CHECKSUM_MISMATCH',
  /** Writing the model failed (permissions, disk full, ...); see `cause`. */
  SAVE_FAILED: 'SAVE_FAILED',
  /** tfjs could not turn the files into a model; see `cause`. */
  LOAD_FAILED: 'LOAD_FAILED',
} as const;

/** One of the codes in {@link MODELS_ERROR_CODES}. */
export type ModelsErrorCode = (typeof MODELS_ERROR_CODES)[keyof typeof MODELS_ERROR_CODES];

/** The brand every fmnist error class sets (issue 17's convention): its value is the class name. */
const BRAND = Symbol.for('fmnist.error');

/** Options of the {@link ModelsError} constructor. */
export interface ModelsErrorOptions extends ErrorOptions {
  /** Individual faults (for `INVALID_SPEC`: one path-precise message per fault). */
  issues?: readonly string[];
}

/**
 * The one error class of `@fmnist/models`. Its message says what was expected, what was found,
 * and what to do; `code` says which kind of failure it is.
 */
export class ModelsError extends Error {
  /** Which kind of failure this is. */
  readonly code: ModelsErrorCode;
  /** Individual faults, e.g. every spec error; empty when there is only the message. */
  readonly issues: readonly string[];
  /** `'ModelsError'`: read by {@link ModelsError.isInstance}, the same in every copy of the package. */
  readonly [BRAND] = 'ModelsError';

  /**
   * @param code - one of {@link MODELS_ERROR_CODES}
   * @param message - expected / found / what to do
   * @param options - `cause` and `issues`
   */
  constructor(code: ModelsErrorCode, message: string, options: ModelsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ModelsError';
    this.code = code;
    this.issues = options.issues ?? [];
  }

  /**
   * Whether `value` is a ModelsError, also when it comes from another copy of this package
   * (where `instanceof` would say no): its `Symbol.for('fmnist.error')` brand is `'ModelsError'`.
   */
  static isInstance(value: unknown): value is ModelsError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === 'ModelsError'
    );
  }
}
