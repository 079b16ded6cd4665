import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeIdx } from './encode-idx.js';
import { DatasetError } from './errors.js';
import type { IdxArray } from './idx-array.js';
import { parseIdx } from './parse-idx.js';

const catchError = (fn: () => unknown): DatasetError => {
  try {
    fn();
  } catch (error) {
    if (DatasetError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a DatasetError');
};

const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 });
const idxArb: fc.Arbitrary<IdxArray> = shapeArb.chain((shape) => {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc.oneof(
    fc
      .uint8Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'uint8' as const, shape, data })),
    fc
      .int8Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'int8' as const, shape, data })),
    fc
      .int16Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'int16' as const, shape, data })),
    fc
      .int32Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'int32' as const, shape, data })),
    fc
      .float32Array({ minLength: n, maxLength: n, noDefaultInfinity: true })
      .map((data) => ({ dtype: 'float32' as const, shape, data })),
    fc
      .float64Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'float64' as const, shape, data })),
  );
});

describe('parseIdx', () => {
  it('decodes a hand-written big-endian file', () => {
    const bytes = Uint8Array.of(0, 0, 0x0b, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0x01, 0x02, 0xff, 0xfe);
    const parsed = parseIdx(bytes);
    expect(parsed.dtype).toBe('int16');
    expect(parsed.shape).toEqual([1, 2]);
    expect(Array.from(parsed.data)).toEqual([0x0102, -2]);
  });

  it('round-trips every dtype and shape through encodeIdx', () => {
    fc.assert(
      fc.property(idxArb, (array) => {
        const parsed = parseIdx(encodeIdx(array));
        expect(parsed.dtype).toBe(array.dtype);
        expect(parsed.shape).toEqual(array.shape);
        expect(Array.from(parsed.data)).toEqual(Array.from(array.data));
      }),
      { numRuns: 300 },
    );
  });

  it('reads from a view at a non-zero offset', () => {
    const inner = encodeIdx({ dtype: 'int32', shape: [2], data: Int32Array.of(-5, 70000) });
    const padded = new Uint8Array(inner.length + 3);
    padded.set(inner, 3);
    expect(Array.from(parseIdx(padded.subarray(3)).data)).toEqual([-5, 70000]);
  });

  it('says the file is still gzip-compressed', () => {
    const error = catchError(() =>
      parseIdx(Uint8Array.of(0x1f, 0x8b, 8, 8, 0, 0, 0, 0), {
        dtype: 'uint8',
        rank: 3,
        name: 'images',
      }),
    );
    expect(error.code).toBe('IDX_BAD_MAGIC');
    expect(error.message).toBe(
      'expected IDX magic 0x00000803 for images, found 0x1f8b0808: is the file still gzip-compressed? Decompress it first (readIdxFile does).',
    );
  });

  it('rejects the wrong dtype or rank when one is required', () => {
    const labels = encodeIdx({ dtype: 'uint8', shape: [3], data: Uint8Array.of(1, 2, 3) });
    const error = catchError(() => parseIdx(labels, { dtype: 'uint8', rank: 3 }));
    expect(error.code).toBe('IDX_BAD_MAGIC');
    expect(error.message).toMatch(
      /expected IDX magic 0x00000803 .* found 0x00000801 \(uint8, 1 dimensions\)/,
    );
    expect(catchError(() => parseIdx(labels, { dtype: 'float32' })).code).toBe('IDX_BAD_MAGIC');
  });

  it('rejects unknown element types, short and long files', () => {
    expect(catchError(() => parseIdx(Uint8Array.of(0, 0, 0x0a, 0))).code).toBe(
      'IDX_UNSUPPORTED_TYPE',
    );
    expect(catchError(() => parseIdx(Uint8Array.of(0, 0))).code).toBe('IDX_LENGTH_MISMATCH');
    expect(catchError(() => parseIdx(Uint8Array.of(0, 0, 8, 1, 0, 0))).code).toBe(
      'IDX_LENGTH_MISMATCH',
    );
    const good = encodeIdx({ dtype: 'uint8', shape: [2, 2], data: Uint8Array.of(1, 2, 3, 4) });
    const short = catchError(() => parseIdx(good.subarray(0, good.length - 1)));
    expect(short.code).toBe('IDX_LENGTH_MISMATCH');
    expect(short.message).toContain('cut short');
    const long = new Uint8Array(good.length + 1);
    long.set(good);
    expect(catchError(() => parseIdx(long)).message).toContain('followed by extra bytes');
    expect(catchError(() => parseIdx(Uint8Array.of(1, 2, 3, 4))).message).toContain(
      'is this an IDX file?',
    );
  });
});
