import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idxArrayArb, mutated } from '../../test/idx-arbitraries.js';
import { DatasetError } from '../errors/dataset-error.js';
import { encodeIdx } from './encode-idx.js';
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

const idxArb = idxArrayArb;

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

describe('parseIdx on random and mutated bytes', () => {
  // Either a well-formed IdxArray or a DatasetError: never another error, never a wrong result.
  const check = (bytes: Uint8Array) => {
    let result: ReturnType<typeof parseIdx>;
    try {
      result = parseIdx(bytes);
    } catch (error) {
      expect(DatasetError.isInstance(error)).toBe(true);
      return;
    }
    expect(result.data.length).toBe(result.shape.reduce((a, b) => a * b, 1));
  };

  it('returns or throws DatasetError for random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), check), { numRuns: 1000 });
    // Random bytes behind a plausible IDX prefix, so the checks past the magic run too.
    fc.assert(
      fc.property(
        fc.constantFrom(0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e, 0x0a, 0xff),
        fc.integer({ min: 0, max: 6 }),
        fc.uint8Array({ maxLength: 64 }),
        (type, rank, rest) => check(Uint8Array.of(0, 0, type, rank, ...rest)),
      ),
      { numRuns: 1000 },
    );
  });

  it('returns or throws DatasetError for mutated valid files', () => {
    fc.assert(fc.property(mutated(idxArb.map(encodeIdx)), check), { numRuns: 1000 });
  });
});
