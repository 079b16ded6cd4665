/**
 * Every failure `@fmnist/metrics` reports, with a stable `code` to branch on.
 * The values are the codes themselves so they can be logged and compared as strings.
 */
export const METRICS_ERROR_CODES = {
  /** An argument has the wrong kind, shape or value (`argument` says which). */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** Two arguments that must have the same length do not. */
  LENGTH_MISMATCH: 'LENGTH_MISMATCH',
  /** An argument that needs at least one element has none. */
  EMPTY_INPUT: 'EMPTY_INPUT',
  /** A label is not a non-negative integer. */
  INVALID_LABEL: 'INVALID_LABEL',
  /** A record's text is not JSON. */
  INVALID_JSON: 'INVALID_JSON',
  /** A record does not match its schema (`path` says where). */
  INVALID_RECORD: 'INVALID_RECORD',
  /** A record was written by a newer fmnist than this one. */
  UNSUPPORTED_SCHEMA_VERSION: 'UNSUPPORTED_SCHEMA_VERSION',
} as const;

/** One of the codes in {@link METRICS_ERROR_CODES}. */
export type MetricsErrorCode = (typeof METRICS_ERROR_CODES)[keyof typeof METRICS_ERROR_CODES];

/** Where a record is wrong: a JSON path such as `history[3].loss`, and what is wrong there. */
export interface RecordIssue {
  /** JSON path of the fault, `(root)` for the record itself. */
  readonly path: string;
  /** What was expected and what was found, e.g. `must be a number, got "x"`. */
  readonly message: string;
}

/** Extra, code-specific details of a {@link MetricsError}. */
export interface MetricsErrorOptions extends ErrorOptions {
  /** The name of the argument at fault (for argument errors). */
  argument?: string;
  /** The JSON path of the first fault (for record errors). */
  path?: string;
  /** Every fault found in a record, first one first. */
  issues?: readonly RecordIssue[];
}

/** The brand every fmnist error class sets (issue 17's convention): its value is the class name. */
const BRAND = Symbol.for('fmnist.error');

/**
 * The one error class this package throws. Messages say what was expected, what was found and
 * what to do; `code` is stable, `cause` carries the underlying error when there is one.
 *
 * @example
 * ```ts
 * try { parseRunRecord(text); } catch (error) {
 *   if (MetricsError.isInstance(error) && error.code === 'INVALID_RECORD') console.error(error.path);
 * }
 * ```
 */
export class MetricsError extends Error {
  /** Stable machine-readable reason, one of {@link METRICS_ERROR_CODES}. */
  readonly code: MetricsErrorCode;
  /** The argument at fault, for argument errors (`yTrue`, `labels`, `targetNames`, ...). */
  readonly argument: string | undefined;
  /** JSON path of the first fault, for record errors. */
  readonly path: string | undefined;
  /** Every fault found, for record errors. */
  readonly issues: readonly RecordIssue[];
  /** `'MetricsError'`: read by {@link MetricsError.isInstance}, the same in every copy of the package. */
  readonly [BRAND] = 'MetricsError';

  /**
   * @param code - one of {@link METRICS_ERROR_CODES}
   * @param message - expected / found / what to do
   * @param options - `cause`, and `argument`, `path` or `issues` where they apply
   */
  constructor(code: MetricsErrorCode, message: string, options: MetricsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MetricsError';
    this.code = code;
    this.argument = options.argument;
    this.path = options.path;
    this.issues = options.issues ?? [];
  }

  /**
   * Whether `value` is a {@link MetricsError}, also when it comes from another copy of this
   * package (where `instanceof` would say no): its `Symbol.for('fmnist.error')` brand is
   * `'MetricsError'`.
   */
  static isInstance(value: unknown): value is MetricsError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === 'MetricsError'
    );
  }
}
