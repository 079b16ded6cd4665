import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idxArrayArb, mutated } from '../../test/idx-arbitraries.js';
import { DatasetError } from '../errors/dataset-error.js';
import { decodeIdx as decodeIdxNode } from '../node/decode-idx.js';
import { decodeIdx as decodeIdxBrowser } from './decode-idx.js';
import { encodeIdx } from './encode-idx.js';

const raw = encodeIdx({ dtype: 'int16', shape: [2, 3], data: Int16Array.of(1, -2, 3, -4, 5, 300) });

describe.each([
  ['node:zlib', decodeIdxNode],
  ['DecompressionStream', decodeIdxBrowser],
])('decodeIdx (%s)', (_, decodeIdx) => {
  it('decodes raw and gzipped IDX alike', async () => {
    for (const bytes of [raw, new Uint8Array(gzipSync(raw))]) {
      const array = await decodeIdx(bytes);
      expect(array.shape).toEqual([2, 3]);
      expect(Array.from(array.data)).toEqual([1, -2, 3, -4, 5, 300]);
    }
  });

  it('names the data in a GZIP_INVALID error for corrupt gzip', async () => {
    const gz = new Uint8Array(gzipSync(raw));
    await expect(decodeIdx(gz.subarray(0, gz.length - 6), { name: 'x.gz' })).rejects.toMatchObject({
      code: 'GZIP_INVALID',
      message: expect.stringContaining('x.gz'),
    });
  });

  // Resolves to a well-formed IdxArray or rejects with DatasetError, within a second.
  const check = async (bytes: Uint8Array) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hang = new Promise<'hang'>((resolve) => {
      timer = setTimeout(() => resolve('hang'), 1000);
    });
    const outcome = await Promise.race([
      decodeIdx(bytes).then(
        (array) => ({ array }),
        (error: unknown) => ({ error }),
      ),
      hang,
    ]);
    clearTimeout(timer);
    expect(outcome).not.toBe('hang');
    if (outcome === 'hang') return;
    if ('error' in outcome) expect(DatasetError.isInstance(outcome.error)).toBe(true);
    else expect(outcome.array.data.length).toBe(outcome.array.shape.reduce((a, b) => a * b, 1));
  };
  const gzipped = idxArrayArb.map((array) => new Uint8Array(gzipSync(encodeIdx(array))));

  it('returns or throws DatasetError for random, mutated and mutated-gzip bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), check), { numRuns: 300 });
    // Random bytes behind the gzip magic reach the decompressor.
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), (rest) =>
        check(Uint8Array.of(0x1f, 0x8b, 8, ...rest)),
      ),
      { numRuns: 300 },
    );
    await fc.assert(fc.asyncProperty(mutated(idxArrayArb.map(encodeIdx)), check), { numRuns: 300 });
    await fc.assert(fc.asyncProperty(mutated(gzipped), check), { numRuns: 500 });
  });
});
