import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from '../errors/dataset-error.js';
import { computeSha256 } from '../load/compute-sha256.js';
import {
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetManifest,
  FASHION_MNIST_MANIFEST,
} from '../load/fashion-mnist-manifest.js';
import { readStampedSha256, stampCachedFiles, storeInCache } from './cache-stamp.js';
import type { DataSource } from './data-source.js';
import { type DatasetFilePaths, findDatasetFiles } from './find-dataset-files.js';
import { gunzipBytesNode, readFileBytes } from './read-file-bytes.js';
import { resolveCacheDir } from './resolve-cache-dir.js';

/** Progress of {@link downloadFashionMnist}: one event per step and file, and byte counts. */
export interface DownloadEvent {
  /** Which file. */
  role: DatasetFileRole;
  /**
   * `cached`: already there and verified; `fetching` a URL; `progress`: bytes arrived;
   * `verified` and saved; `failed` at a URL (`retrying` follows when it will be tried again).
   */
  status: 'cached' | 'fetching' | 'progress' | 'verified' | 'failed' | 'retrying';
  /** The URL (or cached path). */
  url: string;
  /** Bytes of the response received so far (`progress`, `verified`). */
  receivedBytes?: number;
  /** The response's Content-Length, when the server sent one. */
  totalBytes?: number;
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
  /** Base URLs (ending in `/`) to try in order, each serving `<fileName>.gz`; default the manifest's mirrors. */
  mirrors?: readonly string[];
  /** Give up on an attempt when no data arrives for this long; default 30,000 ms. */
  timeoutMs?: number;
  /** Extra attempts per mirror after a network error, timeout, cut-off or 5xx; default 2. */
  retries?: number;
  /** Wait before the first retry, doubled for each next one; default 500 ms. */
  retryDelayMs?: number;
  /** The fetch to use; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Cancels the downloads. */
  signal?: AbortSignal;
  /** Called as files are skipped, fetched (with byte counts), verified or fail. */
  onProgress?: (event: DownloadEvent) => void;
}

/**
 * Downloads the manifest's four files into the cache directory, trying each mirror in turn (with
 * retries for transient failures), and keeps a file only when its decompressed content has the
 * manifest's sha256. Each response is streamed to a temporary file; only verified content is
 * written, decompressed, under the real name (atomically: temporary file and rename) and stamped
 * for fast warm loads. A failed or interrupted download leaves nothing that later passes as good.
 * Files already in the cache that verify are not fetched again.
 *
 * @throws {DatasetError} `DOWNLOAD_FAILED` (with every attempt's failure in the message and the
 *   last one as `cause`) when no mirror gives a verified file; the signal's reason when aborted.
 * @example
 * ```ts
 * const source = await downloadFashionMnist({
 *   onProgress: (e) => e.status === 'progress' && console.error(e.url, e.receivedBytes, e.totalBytes),
 * });
 * ```
 */
export async function downloadFashionMnist(
  options: DownloadFashionMnistOptions = {},
): Promise<DataSource> {
  const manifest = options.manifest ?? FASHION_MNIST_MANIFEST;
  const cacheDir =
    options.cacheDir ?? resolveCacheDir({ env: options.env, homeDir: options.homeDir });
  const mirrors = options.mirrors ?? manifest.mirrors;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const notify = options.onProgress ?? (() => {});
  await mkdir(cacheDir, { recursive: true });
  await removeStaleTemporaries(cacheDir);
  const existing = await findDatasetFiles(cacheDir, manifest);
  const files: Partial<DatasetFilePaths> = {};
  for (const role of DATASET_FILE_ROLES) {
    const file = manifest.files[role];
    const cachedPath = existing.complete ? existing.files[role] : join(cacheDir, file.fileName);
    if (await isCachedAndGood(cacheDir, cachedPath, file)) {
      notify({ role, status: 'cached', url: cachedPath });
      files[role] = cachedPath;
      continue;
    }
    const failures: DatasetError[] = [];
    for (const mirror of mirrors) {
      const url = `${mirror}${file.fileName}.gz`;
      for (let attempt = 0; attempt <= retries; attempt += 1) {
        if (attempt > 0) {
          notify({ role, status: 'retrying', url });
          await sleep(retryDelayMs * 2 ** (attempt - 1), options.signal);
        }
        notify({ role, status: 'fetching', url });
        const outcome = await fetchVerified(url, role, file, cacheDir, options, notify);
        if (outcome.ok) {
          const written = await storeInCache(cacheDir, [
            { fileName: file.fileName, bytes: outcome.content, sha256: file.sha256 },
          ]);
          files[role] = written.get(file.fileName);
          notify({ role, status: 'verified', url, receivedBytes: outcome.receivedBytes });
          break;
        }
        failures.push(outcome.error);
        notify({ role, status: 'failed', url, error: outcome.error });
        if (!outcome.retry) break;
      }
      if (files[role] !== undefined) break;
    }
    if (files[role] === undefined) {
      throw new DatasetError(
        'DOWNLOAD_FAILED',
        `expected to download ${file.fileName}.gz from one of ${mirrors.length} mirrors, found every attempt failing:\n${failures.map((f) => `  - ${f.message}`).join('\n')}\nCheck the network, or install Debian's dataset-fashion-mnist, or put the files in a directory and set FMNIST_DATA_DIR to it.`,
        { cause: failures.at(-1) },
      );
    }
  }
  return { kind: 'download', location: cacheDir, files: files as DatasetFilePaths };
}

type FetchOutcome =
  | { ok: true; content: Uint8Array; receivedBytes: number }
  | { ok: false; error: DatasetError; retry: boolean };

// One attempt: stream the response to a temporary file, then decompress and hash it. The
// temporary file is always removed; only the caller writes verified content under a real name.
async function fetchVerified(
  url: string,
  role: DatasetFileRole,
  file: { fileName: string; sha256: string },
  cacheDir: string,
  options: DownloadFashionMnistOptions,
  notify: (event: DownloadEvent) => void,
): Promise<FetchOutcome> {
  const temp = join(
    cacheDir,
    `${file.fileName}.gz.${process.pid}.${randomUUID().slice(0, 8)}.part`,
  );
  try {
    let receivedBytes: number;
    try {
      receivedBytes = await streamToFile(url, temp, options, (receivedBytes, totalBytes) =>
        notify({ role, status: 'progress', url, receivedBytes, totalBytes }),
      );
    } catch (cause) {
      if (options.signal?.aborted) throw options.signal.reason ?? cause;
      if (DatasetError.isInstance(cause)) {
        return { ok: false, error: cause, retry: !PERMANENT.has(cause) };
      }
      return {
        ok: false,
        error: new DatasetError('DOWNLOAD_FAILED', `fetching ${url} failed: ${describe(cause)}`, {
          cause,
        }),
        retry: true,
      };
    }
    let content: Uint8Array;
    try {
      content = await gunzipBytesNode(await readFile(temp), url);
    } catch (cause) {
      if (!DatasetError.isInstance(cause)) throw cause;
      return { ok: false, error: cause, retry: true };
    }
    const actual = await computeSha256(content);
    if (actual !== file.sha256) {
      return {
        ok: false,
        error: new DatasetError(
          'CHECKSUM_MISMATCH',
          `expected decompressed sha256 ${file.sha256} for ${url}, found ${actual}: the mirror serves other content; trying the next one.`,
        ),
        retry: false,
      };
    }
    return { ok: true, content, receivedBytes };
  } finally {
    await rm(temp, { force: true });
  }
}

// HTTP errors that retrying the same URL will not fix.
const PERMANENT = new WeakSet<DatasetError>();

async function streamToFile(
  url: string,
  path: string,
  options: DownloadFashionMnistOptions,
  onBytes: (receivedBytes: number, totalBytes: number | undefined) => void,
): Promise<number> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const controller = new AbortController();
  const { signal } = options;
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  const handle = await open(path, 'w');
  try {
    arm();
    const response = await doFetch(url, { signal: controller.signal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const error = new DatasetError(
        'DOWNLOAD_FAILED',
        `expected HTTP 200 from ${url}, found ${response.status} ${response.statusText}`.trimEnd(),
      );
      if (
        response.status >= 400 &&
        response.status < 500 &&
        ![408, 429].includes(response.status)
      ) {
        PERMANENT.add(error);
      }
      throw error;
    }
    const header = response.headers.get('content-length');
    const totalBytes = header === null ? undefined : Number(header);
    let receivedBytes = 0;
    if (response.body !== null) {
      const reader = response.body.getReader();
      for (;;) {
        arm();
        const { done, value } = await reader.read();
        if (done) break;
        await handle.write(value);
        receivedBytes += value.byteLength;
        onBytes(receivedBytes, totalBytes);
      }
    }
    if (totalBytes !== undefined && Number.isFinite(totalBytes) && receivedBytes !== totalBytes) {
      throw new DatasetError(
        'DOWNLOAD_FAILED',
        `expected ${totalBytes} bytes from ${url} (its Content-Length), found ${receivedBytes}: the connection was cut.`,
      );
    }
    return receivedBytes;
  } catch (cause) {
    if (timedOut && !signal?.aborted) {
      throw new DatasetError(
        'DOWNLOAD_FAILED',
        `expected data from ${url} at least every ${timeoutMs} ms, found none for that long: the server stalled (raise timeoutMs for a slow connection).`,
        { cause },
      );
    }
    throw cause;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
    await handle.close();
  }
}

// A file already in the cache is good when its stamp still holds, or when it hashes right now
// (then it is stamped, so the next check is cheap).
async function isCachedAndGood(
  cacheDir: string,
  path: string,
  file: { fileName: string; sha256: string },
): Promise<boolean> {
  if ((await readStampedSha256(cacheDir, path)) === file.sha256) return true;
  try {
    const content = await readFileBytes(path);
    if ((await computeSha256(content)) !== file.sha256) return false;
    if (path === join(cacheDir, file.fileName)) {
      await stampCachedFiles(cacheDir, [{ fileName: file.fileName, sha256: file.sha256 }]);
    }
    return true;
  } catch {
    return false;
  }
}

// Temporary files left by a process that was killed mid-download or mid-write. Never picked up
// as data (their names do not match), but they take space; an hour's age keeps clear of a
// download still running in another process.
async function removeStaleTemporaries(cacheDir: string): Promise<void> {
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const name of await readdir(cacheDir)) {
    if (!name.endsWith('.part') && !name.endsWith('.tmp')) continue;
    const path = join(cacheDir, name);
    try {
      if ((await stat(path)).mtimeMs < cutoff) await rm(path, { force: true });
    } catch {
      // Gone already (another process cleaned it up).
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
