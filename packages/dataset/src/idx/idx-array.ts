/** The element types an IDX file can hold, by the name this package gives them. */
export type IdxDataType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed array that holds each {@link IdxDataType}. */
export interface IdxTypedArrays {
  uint8: Uint8Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  float32: Float32Array;
  float64: Float64Array;
}

/**
 * A decoded IDX file: its element type, its dimensions (outermost first, as in the file) and its
 * elements in row-major order, in native byte order.
 */
export type IdxArray = {
  [T in IdxDataType]: { dtype: T; shape: readonly number[]; data: IdxTypedArrays[T] };
}[IdxDataType];

/** IDX type byte ↔ dtype and element size, from the format's definition (big-endian elements). */
export const IDX_TYPES = [
  { code: 0x08, dtype: 'uint8', bytes: 1 },
  { code: 0x09, dtype: 'int8', bytes: 1 },
  { code: 0x0b, dtype: 'int16', bytes: 2 },
  { code: 0x0c, dtype: 'int32', bytes: 4 },
  { code: 0x0d, dtype: 'float32', bytes: 4 },
  { code: 0x0e, dtype: 'float64', bytes: 8 },
] as const satisfies readonly { code: number; dtype: IdxDataType; bytes: number }[];
