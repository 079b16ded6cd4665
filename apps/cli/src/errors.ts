import { DatasetError } from '@fmnist/dataset';
import { MetricsError } from '@fmnist/metrics';
import { ModelsError } from '@fmnist/models';
import { RunsError } from '@fmnist/runs';
import { TrainError } from '@fmnist/train';
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

const MARKER = Symbol.for('@fmnist/cli.error');

/**
 * An error the CLI reports itself: a message (what went wrong), an optional hint (what to do),
 * and whether it is a usage error (exit 2) or a failure while running (exit 1).
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly kind: 'usage' | 'failure';
  readonly hint: string | undefined;
  readonly [MARKER] = true;

  constructor(
    kind: 'usage' | 'failure',
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.hint = options.hint;
  }

  /** True for a CliError, also one from another copy of this package. */
  static isInstance(value: unknown): value is CliError {
    return typeof value === 'object' && value !== null && MARKER in value;
  }
}

/** A usage error (exit 2): the command line asks for something that cannot be. */
export function usageError(message: string, hint?: string): CliError {
  return new CliError('usage', message, { hint });
}

/** A failure while running (exit 1). */
export function failure(message: string, hint?: string, cause?: unknown): CliError {
  return new CliError('failure', message, { hint, cause });
}

/** Any package's error class sets this brand to its class name (the error convention). */
const FMNIST_BRAND = Symbol.for('fmnist.error');

/** Whether `error` is an fmnist error of any package: its brand is a string. */
function isFmnistError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    typeof (error as { [FMNIST_BRAND]?: unknown })[FMNIST_BRAND] === 'string'
  );
}

// Commander reports these when it printed help or the version on request.
const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.version']);

/** The exit code an error thrown while running a command stands for. */
export function toExitCode(error: unknown): ExitCode {
  if (error instanceof CommanderError) {
    return COMMANDER_OK.has(error.code) ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
  if (CliError.isInstance(error))
    return error.kind === 'usage' ? EXIT_CODES.usage : EXIT_CODES.failure;
  if (
    ModelsError.isInstance(error) &&
    (error.code === 'UNKNOWN_PRESET' || error.code === 'INVALID_OVERRIDE')
  ) {
    return EXIT_CODES.usage;
  }
  if (TrainError.isInstance(error) && error.code === 'INVALID_OPTION') return EXIT_CODES.usage;
  if (RunsError.isInstance(error) && error.code === 'INVALID_OPTION') return EXIT_CODES.usage;
  if (DatasetError.isInstance(error) && error.code === 'INVALID_OPTION') return EXIT_CODES.usage;
  return EXIT_CODES.failure;
}

/**
 * The lines to print for an error: `error: <what went wrong>`, then what to do when known, then
 * (with `verbose`) the stack and its causes.
 */
export function formatError(error: unknown, verbose: boolean): string {
  const lines: string[] = [];
  const environment = describeEnvironmentError(error);
  if (CliError.isInstance(error)) {
    lines.push(`error: ${error.message}`);
    if (error.hint) lines.push(error.hint);
  } else if (
    DatasetError.isInstance(error) ||
    ModelsError.isInstance(error) ||
    TrainError.isInstance(error) ||
    RunsError.isInstance(error) ||
    MetricsError.isInstance(error) ||
    isFmnistError(error)
  ) {
    // Its message says what went wrong; a disk-full or permission cause adds what to do.
    lines.push(`error: ${error.message}`);
    if (environment !== undefined) lines.push(environment.hint);
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
