import { type ChildProcess, spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

/** Options of {@link spawnCliChild}. */
export interface SpawnCliChildOptions {
  /** `fmnist` arguments, e.g. `['train', '--preset', 'mlp-adam', '--json']`. */
  args: readonly string[];
  /** Put before each line the child writes to stderr, e.g. `[mlp-adam seed0] `. */
  prefix: string;
  /** Where the child's stderr lines go (prefixed). */
  stream: NodeJS.WritableStream;
  /** Called with each stderr line, without colours, as it arrives. */
  onLine?: (line: string) => void;
  /** Keep colours in the child's output (when our own stderr is a terminal). */
  color?: boolean;
  /** Environment variables on top of ours. */
  env?: Record<string, string>;
}

/** A running `fmnist` child process. */
export interface CliChild {
  process: ChildProcess;
  /** Settles when the child exits, with its exit code (or signal) and everything it wrote to stdout. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>;
}

/**
 * Run this same `fmnist` (the Node binary and script that run now) as a child process. The child
 * gets its own process group, so that a Ctrl-C at the terminal reaches only this process, which
 * forwards it once (a second SIGINT would make the child quit without saving).
 */
export function spawnCliChild(options: SpawnCliChildOptions): CliChild {
  const entry = process.argv[1] as string;
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const env = { ...inherited, ...options.env };
  const child = spawn(process.execPath, [...process.execArgv, entry, ...options.args], {
    env: options.color ? { ...env, FORCE_COLOR: '1' } : { ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  const emit = (line: string) => {
    options.stream.write(`${options.prefix}${line}\n`);
    options.onLine?.(stripVTControlCharacters(line));
  };
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') emit(line);
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (pending.trim() !== '') emit(pending);
        pending = '';
        resolve({ code, signal, stdout });
      });
    },
  );
  return { process: child, done };
}
