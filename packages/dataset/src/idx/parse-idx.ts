import { DatasetError } from '../errors/dataset-error.js';
import { IDX_TYPES, type IdxArray, type IdxDataType } from './idx-array.js';
import { isGzip } from './is-gzip.js';

/** What {@link parseIdx} should insist on, and how to name the bytes in its error messages. */
export interface ParseIdxOptions {
  /** Required element type; any other is an `IDX_BAD_MAGIC` error. */
  dtype?: IdxDataType;
  /** Required number of dimensions; any other is an `IDX_BAD_MAGIC` error. */
  rank?: number;
  /** What the bytes are (a path, "train images"), used in error messages. */
  name?: string;
}

const hex = (value: number): string => `0x${(value >>> 0).toString(16).padStart(8, '0')}`;

/**
 * Decodes an IDX file (the format of MNIST and Fashion-MNIST): a magic number `0x0000TTRR` (T =
 * element type, R = number of dimensions), R big-endian uint32 dimensions, then the elements,
 * big-endian, row-major. One-byte element data shares memory with `bytes`; wider types are copied
 * into native byte order.
 *
 * @throws {DatasetError} `IDX_BAD_MAGIC` (including still-gzipped bytes), `IDX_UNSUPPORTED_TYPE`,
 *   `IDX_LENGTH_MISMATCH`.
 * @example
 * ```ts
 * const images = parseIdx(bytes, { dtype: 'uint8', rank: 3, name: 'train images' });
 * images.shape; // [60000, 28, 28]
 * ```
 */
export function parseIdx(bytes: Uint8Array, options: ParseIdxOptions = {}): IdxArray {
  const name = options.name ?? 'IDX data';
  const expectedType = options.dtype && IDX_TYPES.find((t) => t.dtype === options.dtype);
  const expected =
    expectedType && options.rank !== undefined
      ? `IDX magic ${hex((expectedType.code << 8) | options.rank)}`
      : 'an IDX magic number 0x0000TTRR';
  if (bytes.length < 4) {
    throw new DatasetError(
      'IDX_LENGTH_MISMATCH',
      `expected ${expected} for ${name}, found only ${bytes.length} bytes: is the file empty or cut short? Download it again.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (isGzip(bytes) || bytes[0] !== 0 || bytes[1] !== 0) {
    const hint = isGzip(bytes)
      ? 'is the file still gzip-compressed? Decompress it first (readIdxFile does).'
      : 'is this an IDX file?';
    throw new DatasetError(
      'IDX_BAD_MAGIC',
      `expected ${expected} for ${name}, found ${hex(magic)}: ${hint}`,
    );
  }
  const typeCode = bytes[2] ?? 0;
  const rank = bytes[3] ?? 0;
  const type = IDX_TYPES.find((t) => t.code === typeCode);
  if (type === undefined) {
    throw new DatasetError(
      'IDX_UNSUPPORTED_TYPE',
      `expected an IDX element type (0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e) in ${name}, found 0x${typeCode.toString(16).padStart(2, '0')}: the file is corrupt or not IDX.`,
    );
  }
  if (
    (options.dtype !== undefined && type.dtype !== options.dtype) ||
    (options.rank !== undefined && rank !== options.rank)
  ) {
    throw new DatasetError(
      'IDX_BAD_MAGIC',
      `expected ${expected} for ${name}, found ${hex(magic)} (${type.dtype}, ${rank} dimensions): are images and labels swapped, or is this another dataset?`,
    );
  }
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw new DatasetError(
      'IDX_LENGTH_MISMATCH',
      `expected a ${headerBytes}-byte header for ${name} (${rank} dimensions), found ${bytes.length} bytes: the file is cut short; download it again.`,
    );
  }
  const shape: number[] = [];
  let count = 1;
  for (let d = 0; d < rank; d += 1) {
    const size = view.getUint32(4 + 4 * d);
    shape.push(size);
    count *= size;
  }
  const expectedBytes = headerBytes + count * type.bytes;
  if (bytes.length !== expectedBytes) {
    throw new DatasetError(
      'IDX_LENGTH_MISMATCH',
      `expected ${expectedBytes} bytes for ${name} (header says ${type.dtype} [${shape.join(', ')}]), found ${bytes.length}: the file is ${bytes.length < expectedBytes ? 'cut short' : 'followed by extra bytes'}; download it again.`,
    );
  }
  return decodeElements(type.dtype, shape, bytes, view, headerBytes, count);
}

function decodeElements(
  dtype: IdxDataType,
  shape: readonly number[],
  bytes: Uint8Array,
  view: DataView,
  offset: number,
  count: number,
): IdxArray {
  switch (dtype) {
    case 'uint8':
      return { dtype, shape, data: bytes.subarray(offset, offset + count) };
    case 'int8':
      return {
        dtype,
        shape,
        data: new Int8Array(bytes.buffer, bytes.byteOffset + offset, count),
      };
    case 'int16': {
      const data = new Int16Array(count);
      for (let i = 0; i < count; i += 1) data[i] = view.getInt16(offset + 2 * i);
      return { dtype, shape, data };
    }
    case 'int32': {
      const data = new Int32Array(count);
      for (let i = 0; i < count; i += 1) data[i] = view.getInt32(offset + 4 * i);
      return { dtype, shape, data };
    }
    case 'float32': {
      const data = new Float32Array(count);
      for (let i = 0; i < count; i += 1) data[i] = view.getFloat32(offset + 4 * i);
      return { dtype, shape, data };
    }
    case 'float64': {
      const data = new Float64Array(count);
      for (let i = 0; i < count; i += 1) data[i] = view.getFloat64(offset + 8 * i);
      return { dtype, shape, data };
    }
  }
}
