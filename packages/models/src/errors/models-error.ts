/**
 * Every error code `@fmnist/models` throws, with what it means.
 * Switch on `error.code`, never on the message text.
 */
export const MODELS_ERROR_CODES = {
  /** A model spec failed validation; `issues` lists every fault with its path. */
  INVALID_SPEC: 'the model spec is not valid',
  /** An override of a spec's optimizer does not apply to it (e.g. momentum for adam). */
  INVALID_OVERRIDE: 'the override does not apply to this spec',
  /** `getPreset` was asked for a name that is not in `PRESET_NAMES`. */
  UNKNOWN_PRESET: 'no preset has that name',
  /** `model.json` (or the directory holding it) does not exist. */
  MODEL_FILE_MISSING: 'model.json was not found',
  /** `model.json` is not a tfjs LayersModel file. */
  MODEL_FILE_INVALID: 'model.json is not a valid tfjs LayersModel file',
  /** A weights file named by `model.json` does not exist. */
  WEIGHTS_FILE_MISSING: 'a weights file named by model.json was not found',
  /** The weights file has another size than `model.json` describes (truncated or from another model). */
  WEIGHTS_SIZE_MISMATCH: 'the weights file size does not match model.json',
  /** The weights file has the right size but not the bytes `model.json` was saved with. */
  WEIGHTS_CHECKSUM_MISMATCH: 'the weights file does not belong to this model.json',
  /** Writing the model failed (permissions, disk full, ...); see `cause`. */
  SAVE_FAILED: 'the model could not be saved',
  /** tfjs could not turn the files into a model; see `cause`. */
  LOAD_FAILED: 'the model could not be loaded',
} as const;

/** One of the keys of {@link MODELS_ERROR_CODES}. */
export type ModelsErrorCode = keyof typeof MODELS_ERROR_CODES;

/** Options of the {@link ModelsError} constructor. */
export interface ModelsErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
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
   * (so it does not rely on `instanceof` alone).
   */
  static isInstance(value: unknown): value is ModelsError {
    if (value instanceof ModelsError) return true;
    if (!(value instanceof Error) || value.name !== 'ModelsError') return false;
    const code: unknown = (value as { code?: unknown }).code;
    return typeof code === 'string' && Object.hasOwn(MODELS_ERROR_CODES, code);
  }
}
