import { CommanderError } from 'commander';
import { describeEnvironmentError } from './describe-environment-error.js';

/** The exit codes of `fmnist`, as its README lists them. */
export const EXIT_CODES = {
  /** Everything went as asked. */
  ok: 0,
  /** Something failed while running (bad data, a broken run directory, a diverged loss, ...). */
  failure: 1,
  /** The command line itself is wrong: unknown command, option, preset, or a bad value. */
  usage: 2,
  /** Training was interrupted with Ctrl-C; the run is saved and can be resumed (128 + SIGINT). */
  interrupted: 130,
} as const;

/** One of {@link EXIT_CODES}' values. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** Every failure the CLI reports itself, with a stable `code` (each code maps to itself). */
export const CLI_ERROR_CODES = {
  /** The command line asks for something that cannot be (exit 2). */
  INVALID_USAGE: 'INVALID_USAGE',
  /** No copy of the dataset anywhere it looks. */
  DATA_NOT_FOUND: 'DATA_NOT_FOUND',
  /** A file given on the command line cannot be read or is not what it should be. */
  INVALID_FILE: 'INVALID_FILE',
  /** A run or experiment to resume is finished, or has no data on this machine. */
  CANNOT_RESUME: 'CANNOT_RESUME',
  /** Runs of an experiment failed. */
  RUNS_FAILED: 'RUNS_FAILED',
  /** Anything else that failed while running (exit 1). */
  FAILED: 'FAILED',
} as const;

/** One of the codes in {@link CLI_ERROR_CODES}. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[keyof typeof CLI_ERROR_CODES];

const BRAND = Symbol.for('fmnist.error');

/** An error the CLI reports itself: a message (what went wrong), an optional hint (what to do), a code. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;
  readonly hint: string | undefined;
  readonly [BRAND] = 'CliError';

  constructor(code: CliErrorCode, message: string, options: ErrorOptions & { hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  /** True for a CliError, also one from another copy of this package (it checks the brand). */
  static isInstance(value: unknown): value is CliError {
    return brandOf(value) === 'CliError';
  }
}

/** The fmnist brand of an error (its class name, e.g. `DatasetError`), or undefined for any other value. */
function brandOf(value: unknown): string | undefined {
  const brand =
    typeof value === 'object' && value !== null
      ? (value as { [BRAND]?: unknown })[BRAND]
      : undefined;
  return typeof brand === 'string' ? brand : undefined;
}

/** A usage error (exit 2): the command line asks for something that cannot be. */
export function usageError(message: string, hint?: string): CliError {
  return new CliError('INVALID_USAGE', message, { hint });
}

/** A failure while running (exit 1), `FAILED` unless a more telling code is given. */
export function failure(
  message: string,
  hint?: string,
  cause?: unknown,
  code: CliErrorCode = 'FAILED',
): CliError {
  return new CliError(code, message, { hint, cause });
}

// Commander reports these when it printed help or the version on request.
const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.version']);

// Codes of any fmnist package that mean the command line asked for something impossible.
const USAGE_CODES = new Set([
  'INVALID_USAGE',
  'INVALID_OPTION',
  'UNKNOWN_PRESET',
  'INVALID_OVERRIDE',
]);

/** The exit code an error thrown while running a command stands for. */
export function toExitCode(error: unknown): ExitCode {
  if (error instanceof CommanderError) {
    return COMMANDER_OK.has(error.code) ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
  const code = brandOf(error) === undefined ? undefined : (error as { code?: unknown }).code;
  return typeof code === 'string' && USAGE_CODES.has(code) ? EXIT_CODES.usage : EXIT_CODES.failure;
}

/**
 * The lines to print for an error: `error: <what went wrong>`, then what to do when known, then
 * (with `verbose`) the stack and its causes. Any fmnist error (one with the fmnist brand, of any
 * package) is expected and says what to do; a disk-full or permission cause adds what to do;
 * anything else is a bug.
 */
export function formatError(error: unknown, verbose: boolean): string {
  const lines: string[] = [];
  const environment = describeEnvironmentError(error);
  if (brandOf(error) !== undefined) {
    const { message, hint } = error as { message: string; hint?: unknown };
    lines.push(`error: ${message}`);
    if (typeof hint === 'string' && hint !== '') lines.push(hint);
    // A hint built from the same problem already says it.
    if (
      environment !== undefined &&
      !(typeof hint === 'string' && hint.includes(environment.hint))
    ) {
      lines.push(environment.hint);
    }
  } else if (environment !== undefined) {
    lines.push(`error: ${environment.message}`, environment.hint);
  } else if (error instanceof Error) {
    lines.push(`error: ${error.message}`);
    if (!verbose)
      lines.push(
        'This looks like a bug in fmnist: run again with --verbose and report the output.',
      );
  } else {
    lines.push(`error: ${String(error)}`);
  }
  if (verbose) {
    let current: unknown = error;
    let depth = 0;
    while (current instanceof Error && depth < 5) {
      lines.push(
        depth === 0 ? (current.stack ?? '') : `caused by: ${current.stack ?? current.message}`,
      );
      current = current.cause;
      depth += 1;
    }
  }
  return lines.join('\n');
}
