import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DATASET_FILE_ROLES, type DatasetFileRole } from '../load/fashion-mnist-manifest.js';
import type { TinyDataset } from './make-tiny-dataset.js';

/** Options of {@link writeTinyDataset}. */
export interface WriteTinyDatasetOptions {
  /** Write `<fileName>.gz` (default) or the raw IDX files (`false`). */
  gzip?: boolean;
  /** Write only these files (default all four). */
  only?: readonly DatasetFileRole[];
}

/**
 * Writes a {@link TinyDataset}'s files into `dir` (created if needed) under the manifest's names.
 *
 * @param dir - the directory to write into
 * @param dataset - what `makeTinyDataset` returned
 * @param options - `gzip` (default true), `only`
 * @returns `dir`
 *
 * @example
 * ```ts
 * await writeTinyDataset(dir, makeTinyDataset(), { gzip: false });
 * await loadIdxDataset(dir);
 * ```
 */
export async function writeTinyDataset(
  dir: string,
  dataset: TinyDataset,
  options: WriteTinyDatasetOptions = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const role of options.only ?? DATASET_FILE_ROLES) {
    const name = dataset.manifest.files[role].fileName;
    const bytes = dataset.contents[role];
    if (options.gzip === false) await writeFile(join(dir, name), bytes);
    else await writeFile(join(dir, `${name}.gz`), gzipSync(bytes));
  }
  return dir;
}
