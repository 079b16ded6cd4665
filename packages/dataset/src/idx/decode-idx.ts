import { gunzipBytes } from './gunzip-bytes.js';
import type { IdxArray } from './idx-array.js';
import { type ParseIdxOptions, parseIdx } from './parse-idx.js';

/**
 * Decodes IDX bytes that may be gzip-compressed (detected by the gzip magic, not a file name):
 * decompresses with `DecompressionStream`, then `parseIdx`. The Node entry exports a version
 * that uses `node:zlib` instead.
 *
 * @throws {DatasetError} `GZIP_INVALID` for corrupt gzip, and the errors of `parseIdx`.
 * @example
 * ```ts
 * const labels = await decodeIdx(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 * ```
 */
export async function decodeIdx(
  bytes: Uint8Array,
  options: ParseIdxOptions = {},
): Promise<IdxArray> {
  return parseIdx(await gunzipBytes(bytes, options.name), options);
}
