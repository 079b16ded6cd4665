import {
  type DecodedDataset,
  decodeDatasetFiles,
  type IntegrityMode,
} from '../decode-dataset-files.js';
import { DatasetError } from '../errors.js';
import { DATASET_FILE_ROLES, type DatasetFileRole } from '../fashion-mnist-manifest.js';
import type { DataSource } from './data-source.js';
import {
  type DownloadFashionMnistOptions,
  downloadFashionMnist,
} from './download-fashion-mnist.js';
import { type LocateFashionMnistOptions, locateFashionMnist } from './locate-fashion-mnist.js';
import { readFileBytes } from './read-file-bytes.js';

/** Options for {@link loadFashionMnist}: where to look, whether to download, how to verify. */
export interface LoadFashionMnistOptions
  extends LocateFashionMnistOptions,
    Pick<DownloadFashionMnistOptions, 'fetch' | 'signal' | 'onProgress'> {
  /** Download into the cache when no copy is found; default true. */
  download?: boolean;
  /** Default `check`: any four-file IDX dataset loads, `verified` says whether it is the manifest's. */
  integrity?: IntegrityMode;
}

/** A loaded dataset and where it came from. */
export interface LoadedDataset extends DecodedDataset {
  /** Where the files were found (or downloaded to). */
  source: DataSource;
}

/**
 * Finds, reads and decodes Fashion-MNIST (or any dataset in the MNIST four-file IDX layout):
 * explicit `dir` → `$FMNIST_DATA_DIR` → user cache → system copies → download into the cache.
 * Files may be gzipped or not; content is hashed against the manifest (`verified`).
 *
 * @throws {DatasetError} `FILES_NOT_FOUND` (nothing found and `download: false`, or an explicit
 *   directory is incomplete), `DOWNLOAD_FAILED`, `CHECKSUM_MISMATCH` (integrity `require`), and
 *   decoding errors (`IDX_*`, `GZIP_INVALID`, `DATASET_INVALID`).
 * @example
 * ```ts
 * const data = await loadFashionMnist();
 * data.train.count; // 60000
 * data.verified; // true
 * ```
 */
export async function loadFashionMnist(
  options: LoadFashionMnistOptions = {},
): Promise<LoadedDataset> {
  const { source: found, searched } = await locateFashionMnist(options);
  let source = found;
  if (source === undefined) {
    if (options.download === false) {
      throw new DatasetError(
        'FILES_NOT_FOUND',
        `expected the dataset's four IDX files in one of ${searched.map((s) => `${s.location} (${s.kind})`).join(', ')}, found none complete and downloading is off: set FMNIST_DATA_DIR to a directory with the files, install Debian's dataset-fashion-mnist, or allow downloading.`,
      );
    }
    source = await downloadFashionMnist({ ...options });
  }
  const files = source.files;
  const bytes = await Promise.all(DATASET_FILE_ROLES.map((role) => readFileBytes(files[role])));
  const contents = Object.fromEntries(
    DATASET_FILE_ROLES.map((role, i) => [role, bytes[i]]),
  ) as Record<DatasetFileRole, Uint8Array>;
  const decoded = await decodeDatasetFiles(contents, {
    manifest: options.manifest,
    integrity: options.integrity,
    location: source.location,
  });
  return { ...decoded, source };
}
