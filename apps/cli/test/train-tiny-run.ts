// Test helper: train a one-epoch run on the tiny dataset with the real binary.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

/** `train` of mlp-adam on `dataDir` into `out`: `epochs` epochs of batch 50. */
export function tinyTrainArgs(dataDir: string, out: string, epochs = 2): string[] {
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
    '--out',
    out,
  ];
}

/** Train `preset` for one epoch on `dataDir` into a new temporary runs folder; return the run directory. */
export async function trainTinyRun(dataDir: string, extra: string[] = []): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'fmnist-cli-runs-'));
  const result = await runCli([...tinyTrainArgs(dataDir, out), ...extra]);
  if (result.code !== 0) throw new Error(`training failed (${result.code}):\n${result.stderr}`);
  const [name] = await readdir(out);
  if (name === undefined) throw new Error(`no run directory in ${out}`);
  return join(out, name);
}
