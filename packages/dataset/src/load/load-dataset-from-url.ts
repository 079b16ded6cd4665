import { DatasetError } from '../errors/dataset-error.js';
import { gunzipBytes } from '../idx/gunzip-bytes.js';
import {
  type DecodedDataset,
  decodeDatasetFiles,
  type IntegrityMode,
} from './decode-dataset-files.js';
import {
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetManifest,
  FASHION_MNIST_MANIFEST,
} from './fashion-mnist-manifest.js';

/** Options for {@link loadDatasetFromUrl}. */
export interface LoadDatasetFromUrlOptions {
  /** File names and hashes; default {@link FASHION_MNIST_MANIFEST}. */
  manifest?: DatasetManifest;
  /** Fetch `<fileName>.gz` (default true) or the uncompressed `<fileName>`. */
  gzip?: boolean;
  /** Default `check`. */
  integrity?: IntegrityMode;
  /** The fetch to use; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Cancels the requests. */
  signal?: AbortSignal;
}

/** A dataset fetched over HTTP, and the base URL it came from. */
export interface UrlLoadedDataset extends DecodedDataset {
  /** `kind: 'url'` and the base URL. */
  source: { kind: 'url'; location: string };
}

/**
 * Fetches the four files from `baseUrl` (ending in `/`) and decodes them — the browser's way to
 * load Fashion-MNIST (works in Node too). Mirrors must allow CORS to be fetched from a page; the
 * official ones may not, so serve the files with your app. Responses are decompressed when they
 * are still gzip, whatever the server's headers say.
 *
 * @throws {DatasetError} `DOWNLOAD_FAILED` for a non-2xx response or network error, and the
 *   errors of decoding.
 * @example
 * ```ts
 * const data = await loadDatasetFromUrl('/data/fashion-mnist/');
 * ```
 */
export async function loadDatasetFromUrl(
  baseUrl: string,
  options: LoadDatasetFromUrlOptions = {},
): Promise<UrlLoadedDataset> {
  const manifest = options.manifest ?? FASHION_MNIST_MANIFEST;
  const doFetch = options.fetch ?? globalThis.fetch;
  const suffix = options.gzip === false ? '' : '.gz';
  const bytes = await Promise.all(
    DATASET_FILE_ROLES.map(async (role) => {
      const url = `${baseUrl}${manifest.files[role].fileName}${suffix}`;
      let response: Response;
      try {
        response = await doFetch(
          url,
          options.signal === undefined ? {} : { signal: options.signal },
        );
      } catch (cause) {
        throw new DatasetError(
          'DOWNLOAD_FAILED',
          `expected a response from ${url}, found a network error (${cause instanceof Error ? cause.message : String(cause)}): check the URL, CORS and the connection.`,
          { cause },
        );
      }
      if (!response.ok) {
        throw new DatasetError(
          'DOWNLOAD_FAILED',
          `expected HTTP 200 from ${url}, found ${response.status}: check that the files are served at ${baseUrl}.`,
        );
      }
      return gunzipBytes(new Uint8Array(await response.arrayBuffer()), url);
    }),
  );
  const contents = Object.fromEntries(
    DATASET_FILE_ROLES.map((role, i) => [role, bytes[i]]),
  ) as Record<DatasetFileRole, Uint8Array>;
  const decoded = await decodeDatasetFiles(contents, {
    manifest,
    integrity: options.integrity,
    location: baseUrl,
  });
  return { ...decoded, source: { kind: 'url', location: baseUrl } };
}
