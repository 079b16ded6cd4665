import { DatasetError } from '../errors/dataset-error.js';
import { IDX_TYPES, type IdxArray } from './idx-array.js';

/**
 * Encodes an {@link IdxArray} as IDX bytes (big-endian header and elements), the inverse of
 * `parseIdx`. Useful for writing small test datasets and subsets in the MNIST layout.
 *
 * @throws {DatasetError} `INVALID_OPTION` when the shape does not match the element count or has
 *   more than 255 dimensions.
 * @example
 * ```ts
 * const bytes = encodeIdx({ dtype: 'uint8', shape: [2], data: Uint8Array.of(3, 7) });
 * ```
 */
export function encodeIdx(array: IdxArray): Uint8Array {
  const { dtype, shape, data } = array;
  const count = shape.reduce((a, b) => a * b, 1);
  if (shape.length > 255 || shape.some((s) => !Number.isInteger(s) || s < 0 || s > 0xffffffff)) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected at most 255 dimensions, each an integer in [0, 2^32), found [${shape.join(', ')}]: fix the shape.`,
    );
  }
  if (count !== data.length) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected ${count} elements for shape [${shape.join(', ')}], found ${data.length}: fix the shape or the data.`,
    );
  }
  const type = IDX_TYPES.find((t) => t.dtype === dtype);
  if (type === undefined) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected dtype uint8, int8, int16, int32, float32 or float64, found ${String(dtype)}.`,
    );
  }
  const header = 4 + 4 * shape.length;
  const out = new Uint8Array(header + count * type.bytes);
  const view = new DataView(out.buffer);
  view.setUint32(0, (type.code << 8) | shape.length);
  for (const [d, size] of shape.entries()) view.setUint32(4 + 4 * d, size);
  switch (array.dtype) {
    case 'uint8':
      out.set(array.data, header);
      break;
    case 'int8':
      out.set(new Uint8Array(array.data.buffer, array.data.byteOffset, count), header);
      break;
    case 'int16':
      for (let i = 0; i < count; i += 1) view.setInt16(header + 2 * i, array.data[i] ?? 0);
      break;
    case 'int32':
      for (let i = 0; i < count; i += 1) view.setInt32(header + 4 * i, array.data[i] ?? 0);
      break;
    case 'float32':
      for (let i = 0; i < count; i += 1) view.setFloat32(header + 4 * i, array.data[i] ?? 0);
      break;
    case 'float64':
      for (let i = 0; i < count; i += 1) view.setFloat64(header + 8 * i, array.data[i] ?? 0);
      break;
  }
  return out;
}
