import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { computeSha256 } from '../compute-sha256.js';
import { DatasetError } from '../errors.js';
import {
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetManifest,
  FASHION_MNIST_MANIFEST,
} from '../fashion-mnist-manifest.js';
import { isGzip } from '../is-gzip.js';
import type { DataSource } from './data-source.js';
import { type DatasetFilePaths, findDatasetFiles } from './find-dataset-files.js';
import { gunzipBytesNode, readFileBytes } from './read-file-bytes.js';
import { resolveCacheDir } from './resolve-cache-dir.js';

/** Progress of {@link downloadFashionMnist}, one event per step and file. */
export interface DownloadEvent {
  /** Which file. */
  role: DatasetFileRole;
  /** `cached`: already there and verified; `fetching` a URL; `verified` and saved; `failed` at a URL. */
  status: 'cached' | 'fetching' | 'verified' | 'failed';
  /** The URL (or cached path). */
  url: string;
  /** Why a URL failed. */
  error?: DatasetError;
}

/** Options for {@link downloadFashionMnist}. */
export interface DownloadFashionMnistOptions {
  /** Directory to download into; default {@link resolveCacheDir}. */
  cacheDir?: string;
  /** Environment for the default cache directory; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Home directory for the default cache directory; default `os.homedir()`. */
  homeDir?: string;
  /** What to download; default {@link FASHION_MNIST_MANIFEST}. */
  manifest?: DatasetManifest;
  /** The fetch to use; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Cancels the downloads. */
  signal?: AbortSignal;
  /** Called as files are skipped, fetched, verified or fail. */
  onProgress?: (event: DownloadEvent) => void;
}

/**
 * Downloads the manifest's four files into the cache directory, trying each mirror in turn and
 * keeping a file only when its decompressed content has the manifest's sha256. Files already in
 * the cache that verify are not fetched again. Each file is written to a temporary name and
 * renamed, so an interrupted download never leaves a partial file under the real name.
 *
 * @throws {DatasetError} `DOWNLOAD_FAILED` (with every mirror's failure in the message and the
 *   last one as `cause`) when no mirror gives a verified file.
 * @example
 * ```ts
 * const source = await downloadFashionMnist({ onProgress: (e) => console.error(e.status, e.url) });
 * ```
 */
export async function downloadFashionMnist(
  options: DownloadFashionMnistOptions = {},
): Promise<DataSource> {
  const manifest = options.manifest ?? FASHION_MNIST_MANIFEST;
  const cacheDir =
    options.cacheDir ?? resolveCacheDir({ env: options.env, homeDir: options.homeDir });
  const doFetch = options.fetch ?? globalThis.fetch;
  const notify = options.onProgress ?? (() => {});
  await mkdir(cacheDir, { recursive: true });
  const existing = await findDatasetFiles(cacheDir, manifest);
  const files: Partial<DatasetFilePaths> = {};
  for (const role of DATASET_FILE_ROLES) {
    const file = manifest.files[role];
    const cachedPath = existing.complete ? existing.files[role] : undefined;
    if (cachedPath !== undefined && (await hashesTo(cachedPath, file.sha256))) {
      notify({ role, status: 'cached', url: cachedPath });
      files[role] = cachedPath;
      continue;
    }
    const failures: DatasetError[] = [];
    for (const mirror of manifest.mirrors) {
      const url = `${mirror}${file.fileName}.gz`;
      notify({ role, status: 'fetching', url });
      try {
        const body = await fetchBytes(doFetch, url, options.signal);
        const content = await gunzipBytesNode(body, url);
        const actual = await computeSha256(content);
        if (actual !== file.sha256) {
          throw new DatasetError(
            'CHECKSUM_MISMATCH',
            `expected decompressed sha256 ${file.sha256} for ${url}, found ${actual}: the mirror serves other content.`,
          );
        }
        const path = join(cacheDir, isGzip(body) ? `${file.fileName}.gz` : file.fileName);
        await writeAtomically(path, body);
        files[role] = path;
        notify({ role, status: 'verified', url });
        break;
      } catch (cause) {
        if (options.signal?.aborted) throw cause;
        const error = DatasetError.isInstance(cause)
          ? cause
          : new DatasetError('DOWNLOAD_FAILED', `fetching ${url} failed: ${describe(cause)}`, {
              cause,
            });
        failures.push(error);
        notify({ role, status: 'failed', url, error });
      }
    }
    if (files[role] === undefined) {
      throw new DatasetError(
        'DOWNLOAD_FAILED',
        `expected to download ${file.fileName}.gz from one of ${manifest.mirrors.length} mirrors, found every one failing:\n${failures.map((f) => `  - ${f.message}`).join('\n')}\nCheck the network, or put the files in a directory and set FMNIST_DATA_DIR to it.`,
        { cause: failures.at(-1) },
      );
    }
  }
  return { kind: 'download', location: cacheDir, files: files as DatasetFilePaths };
}

async function fetchBytes(
  doFetch: typeof globalThis.fetch,
  url: string,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const response = await doFetch(url, signal === undefined ? {} : { signal });
  if (!response.ok) {
    throw new DatasetError(
      'DOWNLOAD_FAILED',
      `expected HTTP 200 from ${url}, found ${response.status} ${response.statusText}`.trimEnd(),
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

async function hashesTo(path: string, sha256: string): Promise<boolean> {
  try {
    return (await computeSha256(await readFileBytes(path))) === sha256;
  } catch {
    return false;
  }
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
