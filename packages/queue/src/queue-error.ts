/**
 * Every error code `@fmnist/queue` throws. The values are the codes themselves, so that they can
 * be logged and compared as strings; switch on `error.code`, never on the message.
 */
export const QUEUE_ERROR_CODES = {
  /** `--queue` is not a `redis://` or `rediss://` URL. */
  INVALID_QUEUE_URL: 'INVALID_QUEUE_URL',
  /** Redis did not answer in time (not running, wrong host or port, firewall, TLS, password). */
  QUEUE_UNREACHABLE: 'QUEUE_UNREACHABLE',
  /** Redis answered but cannot hold a BullMQ queue (too old, or the password was refused). */
  QUEUE_UNUSABLE: 'QUEUE_UNUSABLE',
  /** An option of the runner or worker is out of range. */
  INVALID_OPTION: 'INVALID_OPTION',
} as const;

/** One of the codes in {@link QUEUE_ERROR_CODES}. */
export type QueueErrorCode = (typeof QUEUE_ERROR_CODES)[keyof typeof QUEUE_ERROR_CODES];

const BRAND = Symbol.for('fmnist.error');

/**
 * The one error class of `@fmnist/queue`. Its message says what was expected, what was found and
 * what to do, and names the queue's URL (password hidden) where one is involved.
 */
export class QueueError extends Error {
  /** Which kind of failure this is. */
  readonly code: QueueErrorCode;
  /** The brand every fmnist error carries: its class name. */
  readonly [BRAND] = 'QueueError';

  /**
   * @param code - one of {@link QUEUE_ERROR_CODES}
   * @param message - expected / found / what to do
   * @param options - `cause`
   */
  constructor(code: QueueErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'QueueError';
    this.code = code;
  }

  /** Whether `value` is a QueueError, also when it comes from another copy of this package. */
  static isInstance(value: unknown): value is QueueError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === 'QueueError'
    );
  }
}
