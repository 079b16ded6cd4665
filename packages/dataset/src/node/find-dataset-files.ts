import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetManifest,
} from '../load/fashion-mnist-manifest.js';

/** Paths of the four files of a dataset directory. */
export type DatasetFilePaths = Record<DatasetFileRole, string>;

/** What {@link findDatasetFiles} found: all four paths, or which roles are missing. */
export type FoundDatasetFiles =
  | { complete: true; files: DatasetFilePaths }
  | { complete: false; missing: DatasetFileRole[]; tried: string[] };

/**
 * Looks in `dir` for the manifest's four files, each under its name with or without `.gz`, or
 * with a dot before `idx` as original MNIST unpacks (`train-images.idx3-ubyte`).
 */
export async function findDatasetFiles(
  dir: string,
  manifest: DatasetManifest,
): Promise<FoundDatasetFiles> {
  const files: Partial<DatasetFilePaths> = {};
  const missing: DatasetFileRole[] = [];
  const tried: string[] = [];
  for (const role of DATASET_FILE_ROLES) {
    const base = manifest.files[role].fileName;
    const dotted = base.replace(/-(idx\d)/, '.$1');
    const names = [...new Set([base, `${base}.gz`, dotted, `${dotted}.gz`])];
    let found: string | undefined;
    for (const name of names) {
      const path = join(dir, name);
      tried.push(path);
      if (await isFile(path)) {
        found = path;
        break;
      }
    }
    if (found === undefined) missing.push(role);
    else files[role] = found;
  }
  if (missing.length > 0) return { complete: false, missing, tried };
  return { complete: true, files: files as DatasetFilePaths };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
