import { delimiter } from 'node:path';
import {
  type IntegrityMode,
  type LoadedDataset,
  type LocateFashionMnistOptions,
  loadFashionMnist,
  locateFashionMnist,
} from '@fmnist/dataset';
import { failure } from './errors.js';

/** Options of {@link loadData}. */
export interface LoadDataOptions {
  /** `--data-dir`: use this directory and nothing else. */
  dataDir?: string;
  /** Default `check`: hash the files and say whether they are Fashion-MNIST. */
  integrity?: IntegrityMode;
  /** The environment (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Where to look for the data: `--data-dir`, else `FMNIST_DATA_DIR`, the user cache and the system
 * copies. `FMNIST_SYSTEM_DATA_DIRS` (a path list; empty for none) replaces the system directories,
 * for tests and packagers.
 */
export function resolveSearchOptions(
  dataDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): LocateFashionMnistOptions {
  const system = env.FMNIST_SYSTEM_DATA_DIRS;
  return {
    ...(dataDir === undefined ? {} : { dir: dataDir }),
    env,
    ...(system === undefined ? {} : { systemDirs: system.split(delimiter).filter(Boolean) }),
  };
}

/** The message for "no copy of the data anywhere": the three ways to get it. */
export function describeMissingData(searched: readonly string[]): string {
  return [
    `no copy of Fashion-MNIST found (looked in ${searched.join(', ')}). Get it one of three ways:`,
    '  1. fmnist data fetch              download it into the user cache (needs internet)',
    '  2. --data-dir <dir> or FMNIST_DATA_DIR=<dir>   use a directory holding the four IDX files',
    '  3. apt install dataset-fashion-mnist          Debian/Ubuntu copy in /usr/share/datasets/fashion-mnist',
  ].join('\n');
}

/**
 * Load the dataset the way every command but `data fetch` does: from `--data-dir`, else
 * `FMNIST_DATA_DIR`, the user cache or the system copies — never downloading on its own.
 *
 * @throws {CliError} when no copy is found, saying the three ways to get one.
 * @throws {DatasetError} when a directory that was named lacks files or the files are damaged.
 */
export async function loadData(options: LoadDataOptions = {}): Promise<LoadedDataset> {
  const search = resolveSearchOptions(options.dataDir, options.env);
  const located = await locateFashionMnist(search);
  if (located.source === undefined) {
    throw failure(describeMissingData(located.searched.map((s) => `${s.location} (${s.kind})`)));
  }
  return loadFashionMnist({ ...search, download: false, integrity: options.integrity ?? 'check' });
}
