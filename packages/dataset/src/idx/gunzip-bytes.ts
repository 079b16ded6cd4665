import { DatasetError } from '../errors/dataset-error.js';
import { isGzip } from './is-gzip.js';

/**
 * Decompresses gzip bytes with the Web Streams `DecompressionStream` (browsers, Node ≥ 18);
 * bytes that are not gzip come back unchanged.
 *
 * @throws {DatasetError} `GZIP_INVALID` for broken gzip data.
 */
export async function gunzipBytes(bytes: Uint8Array, name = 'data'): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (cause) {
    throw new DatasetError(
      'GZIP_INVALID',
      `expected valid gzip data in ${name}, found data that does not decompress (${cause instanceof Error ? cause.message : String(cause)}): the file is corrupt or cut short; fetch it again.`,
      { cause },
    );
  }
}
