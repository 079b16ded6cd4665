import { DatasetError } from '../errors/dataset-error.js';
import { decodeDatasetFiles } from '../load/decode-dataset-files.js';
import {
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetManifest,
  FASHION_MNIST_MANIFEST,
} from '../load/fashion-mnist-manifest.js';
import { findDatasetFiles } from './find-dataset-files.js';
import type { LoadedDataset } from './load-fashion-mnist.js';
import { readFileBytes } from './read-file-bytes.js';

/**
 * Loads any four-file dataset in the MNIST layout from `dir` (`train-images-idx3-ubyte`,
 * `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`, `t10k-labels-idx1-ubyte`, each gzipped or
 * not; MNIST's dotted names work too): original MNIST, your own data, any image size. Only
 * structural checks run (IDX headers, sizes, counts, labels 0–9); nothing is hashed, so
 * `verified` is always false. Use `loadFashionMnist` to verify Fashion-MNIST.
 *
 * @throws {DatasetError} `FILES_NOT_FOUND` naming the missing files, and the decoding errors
 *   (`IDX_*`, `GZIP_INVALID`, `DATASET_INVALID`).
 * @example
 * ```ts
 * const mnist = await loadIdxDataset('./mnist');
 * mnist.train.shape; // [28, 28]
 * ```
 */
export async function loadIdxDataset(dir: string): Promise<LoadedDataset> {
  const layout: DatasetManifest = { ...FASHION_MNIST_MANIFEST, name: 'an MNIST-layout dataset' };
  const found = await findDatasetFiles(dir, layout);
  if (!found.complete) {
    const missing = found.missing.map((role) => layout.files[role].fileName);
    throw new DatasetError(
      'FILES_NOT_FOUND',
      `expected the four MNIST-layout IDX files (gzipped or not) in ${dir}, found ${missing.join(', ')} missing: put the files there under these names (with or without .gz).`,
    );
  }
  const { files } = found;
  const bytes = await Promise.all(DATASET_FILE_ROLES.map((role) => readFileBytes(files[role])));
  const contents = Object.fromEntries(
    DATASET_FILE_ROLES.map((role, i) => [role, bytes[i]]),
  ) as Record<DatasetFileRole, Uint8Array>;
  const decoded = await decodeDatasetFiles(contents, {
    manifest: layout,
    integrity: 'skip',
    location: dir,
  });
  return { ...decoded, verified: false, source: { kind: 'directory', location: dir, files } };
}
