import { DatasetError } from '../errors/dataset-error.js';
import {
  type DatasetFileRole,
  type DatasetManifest,
  FASHION_MNIST_MANIFEST,
} from '../load/fashion-mnist-manifest.js';
import type { DataSource, DataSourceKind } from './data-source.js';
import { findDatasetFiles } from './find-dataset-files.js';
import { resolveCacheDir } from './resolve-cache-dir.js';

/** Debian/Ubuntu's `dataset-fashion-mnist` package installs the four official files here. */
export const SYSTEM_DATA_DIRS = ['/usr/share/datasets/fashion-mnist'] as const;

/** Where {@link locateFashionMnist} looks. Every field has a default; tests override them. */
export interface LocateFashionMnistOptions {
  /** A directory to use; when given, nothing else is searched. */
  dir?: string;
  /** Environment to read `FMNIST_DATA_DIR` and `XDG_CACHE_HOME` from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Home directory for the default cache; default `os.homedir()`. */
  homeDir?: string;
  /** The user cache directory; default {@link resolveCacheDir}. */
  cacheDir?: string;
  /** System directories to try; default {@link SYSTEM_DATA_DIRS}. */
  systemDirs?: readonly string[];
  /** File names to look for; default {@link FASHION_MNIST_MANIFEST}. */
  manifest?: DatasetManifest;
}

/** One place {@link locateFashionMnist} looked. */
export interface SearchedLocation {
  /** Which step of the resolution order. */
  kind: Exclude<DataSourceKind, 'download'>;
  /** The directory. */
  location: string;
  /** Files it lacked (empty when it was used). */
  missing: DatasetFileRole[];
}

/** The outcome of {@link locateFashionMnist}. */
export interface LocateResult {
  /** The first complete directory, or `undefined` when none is (download next). */
  source: DataSource | undefined;
  /** Every place looked, in order. */
  searched: SearchedLocation[];
}

/**
 * Finds the four dataset files on this machine, in order: `dir` → `$FMNIST_DATA_DIR` → the user
 * cache → system copies. It only looks; it does not read or verify. An explicit `dir` or
 * `FMNIST_DATA_DIR` that lacks files is an error rather than skipped, since the user chose it.
 *
 * @throws {DatasetError} `FILES_NOT_FOUND` when `dir` or `FMNIST_DATA_DIR` is incomplete.
 * @example
 * ```ts
 * const { source } = await locateFashionMnist();
 * source?.kind; // 'system' on a machine with Debian's dataset-fashion-mnist
 * ```
 */
export async function locateFashionMnist(
  options: LocateFashionMnistOptions = {},
): Promise<LocateResult> {
  const manifest = options.manifest ?? FASHION_MNIST_MANIFEST;
  const env = options.env ?? process.env;
  const searched: SearchedLocation[] = [];
  const explicit =
    options.dir !== undefined
      ? { kind: 'directory' as const, location: options.dir, what: 'the directory given' }
      : env.FMNIST_DATA_DIR
        ? { kind: 'env' as const, location: env.FMNIST_DATA_DIR, what: 'FMNIST_DATA_DIR' }
        : undefined;
  if (explicit !== undefined) {
    const found = await findDatasetFiles(explicit.location, manifest);
    if (!found.complete) {
      const missing = found.missing.map((r) => manifest.files[r].fileName);
      throw new DatasetError(
        'FILES_NOT_FOUND',
        `expected ${manifest.name}'s four IDX files (gzipped or not) in ${explicit.location} (${explicit.what}), found ${missing.join(', ')} missing. Get them one of three ways: install them (sudo apt-get install dataset-fashion-mnist, then unset ${explicit.what} or point it at /usr/share/datasets/fashion-mnist); put them in this directory (or point FMNIST_DATA_DIR / dir at one that has them); or leave out dir and FMNIST_DATA_DIR so loadFashionMnist downloads them into the cache (or run \`fmnist data fetch\`).`,
      );
    }
    return {
      source: { kind: explicit.kind, location: explicit.location, files: found.files },
      searched: [{ kind: explicit.kind, location: explicit.location, missing: [] }],
    };
  }
  const candidates: { kind: 'cache' | 'system'; location: string }[] = [
    {
      kind: 'cache',
      location: options.cacheDir ?? resolveCacheDir({ env, homeDir: options.homeDir }),
    },
    ...(options.systemDirs ?? SYSTEM_DATA_DIRS).map((location) => ({
      kind: 'system' as const,
      location,
    })),
  ];
  for (const candidate of candidates) {
    const found = await findDatasetFiles(candidate.location, manifest);
    searched.push({ ...candidate, missing: found.complete ? [] : found.missing });
    if (found.complete) return { source: { ...candidate, files: found.files }, searched };
  }
  return { source: undefined, searched };
}
