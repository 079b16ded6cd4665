// Test helpers: tiny trainings with the real binary — the arguments, a run directory, and a
// Ctrl-C sent once the child has printed what a test waits for.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunCliOptions, runCli } from './run-cli.js';

/** `fmnist train` of mlp-adam for `epochs` at batch 50 on `dataDir`, then `extra`. */
export function tinyTrainArgs(dataDir: string, epochs = 2, extra: string[] = []): string[] {
  return [
    'train',
    '--preset',
    'mlp-adam',
    '--epochs',
    String(epochs),
    '--batch-size',
    '50',
    '--data-dir',
    dataDir,
    ...extra,
  ];
}

/** Train `preset` for two epochs on `dataDir` into a new temporary runs folder; return the run directory. */
export async function trainTinyRun(dataDir: string, extra: string[] = []): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'fmnist-cli-runs-'));
  const result = await runCli(tinyTrainArgs(dataDir, 2, ['--out', out, ...extra]));
  if (result.code !== 0) throw new Error(`training failed (${result.code}):\n${result.stderr}`);
  const [name] = await readdir(out);
  if (name === undefined) throw new Error(`no run directory in ${out}`);
  return join(out, name);
}

/**
 * `runCli` options that send the child one SIGINT (Ctrl-C) as soon as its stderr so far matches
 * `pattern`; `sent()` says whether it was sent.
 */
export function interruptWhen(
  pattern: RegExp,
): Required<Pick<RunCliOptions, 'onStderr'>> & { sent(): boolean } {
  let sent = false;
  let seen = '';
  return {
    onStderr: (text, child) => {
      seen += text;
      if (!sent && pattern.test(seen)) {
        sent = true;
        child.kill('SIGINT');
      }
    },
    sent: () => sent,
  };
}
