// Test helper: PNG files built chunk by chunk, to make the hostile ones (bombs, truncated files)
// that no encoder writes.
import { deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** One PNG chunk: length, type, body, CRC (a wrong one when `badCrc`). */
export function pngChunk(type: string, body: Uint8Array, badCrc = false): Buffer {
  const chunk = Buffer.alloc(12 + body.length);
  chunk.writeUInt32BE(body.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(body, 8);
  chunk.writeUInt32BE(
    (crc32(chunk.subarray(4, 8 + body.length)) ^ (badCrc ? 1 : 0)) >>> 0,
    8 + body.length,
  );
  return chunk;
}

/** An IHDR body: 8-bit grayscale unless told otherwise. */
export function ihdr(
  width: number,
  height: number,
  colorType = 0,
  bitDepth = 8,
  interlace = 0,
): Buffer {
  const body = Buffer.alloc(13);
  body.writeUInt32BE(width, 0);
  body.writeUInt32BE(height, 4);
  body[8] = bitDepth;
  body[9] = colorType;
  body[12] = interlace;
  return body;
}

/** Signature + chunks. */
export function buildPng(...chunks: Buffer[]): Buffer {
  return Buffer.concat([SIGNATURE, ...chunks]);
}

/** A whole, valid 8-bit grayscale PNG of `width`×`height` with every pixel `value`. */
export function grayPng(width: number, height: number, value = 0): Buffer {
  const raw = Buffer.alloc(height * (width + 1), value);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return buildPng(
    pngChunk('IHDR', ihdr(width, height)),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  );
}

/**
 * The 68-byte decompression bomb: a header that declares 30000×30000 pixels (900 megapixels,
 * 7 GB once decoded to RGBA), then 11 bytes of image data and IEND.
 */
export function pngBomb(): Buffer {
  return buildPng(
    pngChunk('IHDR', ihdr(30_000, 30_000)),
    pngChunk('IDAT', deflateSync(Buffer.alloc(10))),
    pngChunk('IEND', Buffer.alloc(0)),
  );
}
