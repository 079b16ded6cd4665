// Test helper: spawn the real built binary, as users run it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built entry point; `pnpm --filter @fmnist/cli build` makes it. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** What a finished run of the binary printed and how it exited. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each chunk of stderr as it arrives, with the child (e.g. to send it SIGINT). */
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void;
}

/**
 * Run `node dist/bin.js ...args` with an environment that finds no data on its own (no
 * FMNIST_DATA_DIR, an empty cache, no system copies), so tests only see the data they pass.
 */
export function runCli(args: string[], options: RunCliOptions = {}): Promise<CliResult> {
  const { FMNIST_DATA_DIR: _unused, ...env } = process.env;
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: {
      ...env,
      XDG_CACHE_HOME: '/nonexistent-fmnist-cache',
      FMNIST_SYSTEM_DATA_DIRS: '',
      NO_COLOR: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    options.onStderr?.(text, child);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
