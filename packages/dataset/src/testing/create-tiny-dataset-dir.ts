import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MakeTinyDatasetOptions, makeTinyDataset } from './make-tiny-dataset.js';
import { type WriteTinyDatasetOptions, writeTinyDataset } from './write-tiny-dataset.js';

/**
 * Generates a tiny dataset and writes its four raw IDX files into a new temporary directory (the
 * caller removes it): the one-liner for tests that need a `--data` directory.
 *
 * @param options - as {@link makeTinyDataset}, plus `gzip` (default false here)
 * @returns the new directory
 *
 * @example
 * ```ts
 * const dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
 * ```
 */
export async function createTinyDatasetDir(
  options: MakeTinyDatasetOptions & Pick<WriteTinyDatasetOptions, 'gzip'> = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fmnist-tiny-data-'));
  return writeTinyDataset(dir, makeTinyDataset(options), { gzip: options.gzip ?? false });
}
