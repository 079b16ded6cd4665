import type { IdxArray } from '../idx/idx-array.js';
import { type ParseIdxOptions, parseIdx } from '../idx/parse-idx.js';
import { gunzipBytesNode } from './read-file-bytes.js';

/**
 * Decodes IDX bytes that may be gzip-compressed (detected by the gzip magic, not a file name):
 * decompresses with `node:zlib`, then `parseIdx`. The `./browser` entry's version uses
 * `DecompressionStream`.
 *
 * @throws {DatasetError} `GZIP_INVALID` for corrupt gzip, and the errors of `parseIdx`.
 * @example
 * ```ts
 * const images = await decodeIdx(await readFile('train-images-idx3-ubyte.gz'));
 * images.shape; // [60000, 28, 28]
 * ```
 */
export async function decodeIdx(
  bytes: Uint8Array,
  options: ParseIdxOptions = {},
): Promise<IdxArray> {
  return parseIdx(await gunzipBytesNode(bytes, options.name ?? 'IDX data'), options);
}
