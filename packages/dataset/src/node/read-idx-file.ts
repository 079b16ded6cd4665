import type { IdxArray } from '../idx/idx-array.js';
import { type ParseIdxOptions, parseIdx } from '../idx/parse-idx.js';
import { readFileBytes } from './read-file-bytes.js';

/**
 * Reads and decodes one IDX file, gzip-compressed or not (Node only).
 *
 * @throws {DatasetError} as `parseIdx`, or `GZIP_INVALID`; file-system errors pass through.
 * @example
 * ```ts
 * const labels = await readIdxFile('/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz');
 * labels.shape; // [10000]
 * ```
 */
export async function readIdxFile(
  path: string,
  options: Omit<ParseIdxOptions, 'name'> = {},
): Promise<IdxArray> {
  return parseIdx(await readFileBytes(path), { ...options, name: path });
}
