import { inflateSync } from 'node:zlib';
import { type GrayImage, toGrayImage } from '@fmnist/dataset';
import { PNG } from 'pngjs';
import { failure } from './errors.js';

/** The largest width or height `predict` decodes: far above the 28×28 it scales images to. */
export const MAX_PNG_SIDE = 4096;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
// Adam7's passes: x start, y start, x step, y step.
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const CONVERT_HINT = 'Convert it to PNG first, e.g. with: convert photo.jpg photo.png';

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

/** The bytes the image data inflates to: one filter byte per row, then the packed pixels. */
function rawSize({ width, height, bitDepth, colorType, interlaced }: PngHeader): number {
  const bits = (CHANNELS[colorType] ?? 4) * bitDepth;
  const passSize = (w: number, h: number) =>
    w > 0 && h > 0 ? h * (1 + Math.ceil((w * bits) / 8)) : 0;
  if (!interlaced) return passSize(width, height);
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    total += passSize(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy));
  }
  return total;
}

/**
 * Check the PNG's structure before anything is decompressed: the signature, an IHDR of at most
 * {@link MAX_PNG_SIDE}² pixels, chunks that fit in the file, an IEND, and image data that inflates
 * to exactly the size the header declares. A header that claims 30000×30000 is refused without
 * allocating its 900 megapixels; a file cut short is refused instead of classified as if whole.
 */
function checkPng(bytes: Uint8Array): void {
  if (bytes.length < 8 || SIGNATURE.some((byte, i) => bytes[i] !== byte)) {
    throw failure('the file does not start with the PNG signature (it is not a PNG)', CONVERT_HINT);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: PngHeader | undefined;
  const data: Uint8Array[] = [];
  let offset = 8;
  let ended = false;
  while (offset < bytes.length && !ended) {
    if (offset + 12 > bytes.length) break;
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (offset + 12 + length > bytes.length) break;
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (header === undefined && type !== 'IHDR') {
      throw failure(
        `expected the PNG's first chunk to be IHDR, found ${JSON.stringify(type)}: the file is damaged`,
        CONVERT_HINT,
      );
    }
    if (type === 'IHDR') {
      if (length !== 13)
        throw failure(
          `expected a 13-byte PNG IHDR chunk, found ${length} bytes: the file is damaged`,
          CONVERT_HINT,
        );
      const width = view.getUint32(offset + 8);
      const height = view.getUint32(offset + 12);
      header = {
        width,
        height,
        bitDepth: body[8] ?? 0,
        colorType: body[9] ?? 0,
        interlaced: body[12] === 1,
      };
      if (width === 0 || height === 0) {
        throw failure(`the PNG declares an empty image (${width}×${height} pixels)`, CONVERT_HINT);
      }
      if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
        throw failure(
          `the PNG declares ${width}×${height} pixels; fmnist predict reads images of at most ${MAX_PNG_SIDE}×${MAX_PNG_SIDE} (it scales them to 28×28 anyway)`,
          `Scale it down first, e.g. with: convert big.png -resize 280x280 small.png`,
        );
      }
      if (!(header.colorType in CHANNELS) || ![1, 2, 4, 8, 16].includes(header.bitDepth)) {
        throw failure(
          `the PNG declares colour type ${header.colorType} with bit depth ${header.bitDepth}, which is not a valid PNG format`,
          CONVERT_HINT,
        );
      }
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!ended || header === undefined) {
    throw failure(
      `the PNG is truncated: it ends after ${bytes.length} bytes, before its IEND chunk`,
      'The file was cut short (an interrupted download or copy?): get the whole file again.',
    );
  }
  const expected = rawSize(header);
  let inflated: Buffer;
  try {
    inflated = inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 });
  } catch (error) {
    throw failure(
      `the PNG's image data does not decompress (${(error as Error).message}): the file is truncated or damaged`,
      'Get the whole file again, or re-save it as PNG.',
      error,
    );
  }
  if (inflated.length !== expected) {
    throw failure(
      `the PNG's image data holds ${inflated.length} bytes where its ${header.width}×${header.height} header needs ${expected}: the file is truncated or damaged`,
      'Get the whole file again, or re-save it as PNG.',
    );
  }
}

/**
 * Decode a PNG (any colour type and bit depth pngjs reads) to grayscale luminance (ITU-R BT.601
 * weights), with transparent parts composited over white, the way an image viewer shows them.
 * Images over {@link MAX_PNG_SIDE} pixels a side and truncated files are refused before decoding.
 *
 * @throws {CliError} when the bytes are not a whole PNG of at most 4096×4096 pixels.
 */
export function decodePngGray(bytes: Uint8Array): GrayImage & { pixels: Float32Array } {
  checkPng(bytes);
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw failure(`the PNG does not decode (${(error as Error).message})`, CONVERT_HINT, error);
  }
  return toGrayImage(png);
}
