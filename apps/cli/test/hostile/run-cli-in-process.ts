// Test helper: run `fmnist ...args` inside this process, as bin.ts does (same program, same error
// formatting and exit codes), capturing what it writes. Hundreds of calls then cost milliseconds
// each instead of a Node start-up and a tfjs import.
import { type Command, CommanderError } from 'commander';
import { formatError, toExitCode } from '../../src/errors.js';
import { createProgram } from '../../src/program.js';

/** What one in-process call printed and how it ended. */
export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The error the call ended with, if any (for checks on its kind). */
  error?: unknown;
  /** True when the call did not end within the timeout. */
  timedOut: boolean;
  /** The parsed options of the command that was about to run, when `dryRun` stopped it. */
  parsed?: Record<string, unknown>;
}

/** Options of {@link runCliInProcess}. */
export interface InProcessOptions {
  timeoutMs?: number;
  /** Parse the command line only: stop before the command's action runs. */
  dryRun?: boolean;
}

const STOPPED = Symbol('stopped before the action');
let running = false;

/**
 * Run one command line in-process. Calls run one at a time (stdout and stderr are this process's).
 */
export async function runCliInProcess(
  args: readonly string[],
  { timeoutMs = 20_000, dryRun = false }: InProcessOptions = {},
): Promise<InProcessResult> {
  if (running) throw new Error('runCliInProcess: one call at a time');
  running = true;
  let stdout = '';
  let stderr = '';
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const capture =
    (append: (text: string) => void) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    };
  process.stdout.write = capture((t) => {
    stdout += t;
  }) as typeof process.stdout.write;
  process.stderr.write = capture((t) => {
    stderr += t;
  }) as typeof process.stderr.write;
  const exitCodeBefore = process.exitCode;
  let parsed: Record<string, unknown> | undefined;
  const program: Command = createProgram();
  if (dryRun) {
    program.hook('preAction', (_root, action) => {
      parsed = action.opts();
      throw STOPPED;
    });
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  let code = 0;
  let error: unknown;
  let timedOut = false;
  try {
    const outcome = await Promise.race([program.parseAsync(['node', 'fmnist', ...args]), timeout]);
    if (outcome === 'timeout') timedOut = true;
  } catch (caught) {
    if (caught === STOPPED) {
      code = 0;
    } else {
      error = caught;
      if (!(caught instanceof CommanderError)) stderr += `${formatError(caught, false)}\n`;
      code = toExitCode(caught);
    }
  } finally {
    clearTimeout(timer);
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    // A command may set the exit code itself (bench, experiment): take it, then leave none behind.
    if (error === undefined && typeof process.exitCode === 'number' && process.exitCode !== 0) {
      code = process.exitCode;
    }
    process.exitCode = exitCodeBefore;
    running = false;
  }
  return { code: timedOut ? -1 : code, stdout, stderr, error, timedOut, parsed };
}
