import { mkdir } from 'node:fs/promises';
import { DatasetError } from '../errors/dataset-error.js';
import {
  type DecodedDataset,
  decodeDatasetFiles,
  type IntegrityMode,
} from '../load/decode-dataset-files.js';
import {
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetManifest,
  FASHION_MNIST_MANIFEST,
} from '../load/fashion-mnist-manifest.js';
import { discardCachedFiles, readStampedSha256, storeInCache } from './cache-stamp.js';
import type { DataSource } from './data-source.js';
import {
  type DownloadFashionMnistOptions,
  downloadFashionMnist,
} from './download-fashion-mnist.js';
import {
  type LocateFashionMnistOptions,
  locateFashionMnist,
  type SearchedLocation,
} from './locate-fashion-mnist.js';
import { readFileContent } from './read-file-bytes.js';
import { resolveCacheDir } from './resolve-cache-dir.js';

/** Options for {@link loadFashionMnist}: where to look, whether to download, how to verify. */
export interface LoadFashionMnistOptions
  extends LocateFashionMnistOptions,
    Pick<
      DownloadFashionMnistOptions,
      'fetch' | 'signal' | 'onProgress' | 'mirrors' | 'timeoutMs' | 'retries' | 'retryDelayMs'
    > {
  /** Download into the cache when no copy is found; default true. */
  download?: boolean;
  /**
   * Keep a decompressed, verified copy in the user cache after loading gzipped files (system copy
   * or download), so the next load reads raw IDX without gunzip or hashing; default true.
   */
  cache?: boolean;
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
 * The first load from gzipped files (the system copy or a download) leaves a decompressed,
 * verified copy in the user cache, stamped with each file's size, mtime and sha256; later loads
 * read that copy without gunzip or hashing. A cached file whose size or mtime changed is hashed
 * again, and one that no longer verifies is deleted and the search goes on past the cache.
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
  const manifest = options.manifest ?? FASHION_MNIST_MANIFEST;
  const cacheDir =
    options.cacheDir ?? resolveCacheDir({ env: options.env, homeDir: options.homeDir });
  const locateOptions = { ...options, cacheDir };
  // Each bad cached file found is deleted, so this settles within a few rounds.
  for (let round = 0; round < 8; round += 1) {
    const { source, searched } = await locateFashionMnist(locateOptions);
    if (source === undefined) {
      if (options.download === false) throw filesNotFound(manifest, searched);
      const downloaded = await downloadFashionMnist({ ...options, manifest, cacheDir });
      const loaded = await readFromCache(downloaded, manifest);
      if (loaded !== undefined) return loaded;
      continue;
    }
    if (source.kind === 'cache') {
      const loaded = await readFromCache(source, manifest);
      if (loaded !== undefined) return loaded;
      continue;
    }
    return readAndWarm(source, manifest, cacheDir, options);
  }
  throw new DatasetError(
    'CHECKSUM_MISMATCH',
    `expected the cache at ${cacheDir} to settle on verified files, found it changing under every load: delete ${cacheDir} and load again.`,
  );
}

async function readAll(
  source: DataSource,
): Promise<{ contents: Record<DatasetFileRole, Uint8Array>; compressed: boolean }> {
  const read = await Promise.all(
    DATASET_FILE_ROLES.map((role) => readFileContent(source.files[role])),
  );
  const contents = Object.fromEntries(
    DATASET_FILE_ROLES.map((role, i) => [role, read[i]?.bytes]),
  ) as Record<DatasetFileRole, Uint8Array>;
  return { contents, compressed: read.some((r) => r.compressed) };
}

// A directory, FMNIST_DATA_DIR or system copy: decode and, when it was gzipped, verified and
// allowed, keep a decompressed copy in the cache for the next load.
async function readAndWarm(
  source: DataSource,
  manifest: DatasetManifest,
  cacheDir: string,
  options: LoadFashionMnistOptions,
): Promise<LoadedDataset> {
  const { contents, compressed } = await readAll(source);
  const decoded = await decodeDatasetFiles(contents, {
    manifest,
    integrity: options.integrity,
    location: source.location,
  });
  if (source.kind === 'system' && compressed && decoded.verified && options.cache !== false) {
    try {
      await mkdir(cacheDir, { recursive: true });
      await storeInCache(
        cacheDir,
        DATASET_FILE_ROLES.map((role) => ({
          fileName: manifest.files[role].fileName,
          bytes: contents[role],
          sha256: manifest.files[role].sha256,
        })),
      );
    } catch {
      // A cache we cannot write (read-only home, full disk) only costs speed next time.
    }
  }
  return { ...decoded, source };
}

// The cache (or a download into it): trust files whose stamp still holds, hash the others; if
// anything fails to verify, delete the bad files and return undefined so the search goes on.
async function readFromCache(
  source: DataSource,
  manifest: DatasetManifest,
): Promise<LoadedDataset | undefined> {
  const knownSha256: Partial<Record<DatasetFileRole, string>> = {};
  for (const role of DATASET_FILE_ROLES) {
    const stamped = await readStampedSha256(source.location, source.files[role]);
    if (stamped !== undefined) knownSha256[role] = stamped;
  }
  let contents: Record<DatasetFileRole, Uint8Array> | undefined;
  let decoded: DecodedDataset;
  try {
    contents = (await readAll(source)).contents;
    // Always check here, whatever `integrity` says: the cache is trusted only once verified.
    decoded = await decodeDatasetFiles(contents, {
      manifest,
      integrity: 'check',
      location: source.location,
      knownSha256,
    });
  } catch (error) {
    if (!DatasetError.isInstance(error)) throw error;
    decoded = { train: emptySet(), test: emptySet(), verified: false, checks: [] };
  }
  if (!decoded.verified || contents === undefined) {
    const bad = DATASET_FILE_ROLES.filter(
      (role) => !decoded.checks.some((c) => c.role === role && c.matches),
    ).map((role) => source.files[role]);
    await discardCachedFiles(source.location, bad);
    return undefined;
  }
  const unstamped = DATASET_FILE_ROLES.filter((role) => knownSha256[role] === undefined);
  if (unstamped.length > 0) {
    try {
      await storeInCache(
        source.location,
        unstamped.map((role) => ({
          fileName: manifest.files[role].fileName,
          bytes: (contents as Record<DatasetFileRole, Uint8Array>)[role],
          sha256: manifest.files[role].sha256,
        })),
      );
    } catch {
      // Unstamped files are hashed again next time; nothing is lost but speed.
    }
  }
  return { ...decoded, source };
}

function emptySet(): DecodedDataset['train'] {
  return { count: 0, shape: [0, 0], images: new Uint8Array(0), labels: new Uint8Array(0) };
}

function filesNotFound(manifest: DatasetManifest, searched: SearchedLocation[]): DatasetError {
  const names = DATASET_FILE_ROLES.map((role) => manifest.files[role].fileName);
  return new DatasetError(
    'FILES_NOT_FOUND',
    `expected ${manifest.name}'s four IDX files (${names.join(', ')}, gzipped or not) in one of ${searched.map((s) => `${s.location} (${s.kind}: ${s.missing.length === 4 ? 'none' : `missing ${s.missing.map((r) => manifest.files[r].fileName).join(', ')}`})`).join(', ')}, found none complete and downloading is off. Get them one of three ways: install them (sudo apt-get install dataset-fashion-mnist); set FMNIST_DATA_DIR or pass { dir } to a directory that has them; or let loadFashionMnist download them (download: true, the default) or run \`fmnist data fetch\`.`,
  );
}
