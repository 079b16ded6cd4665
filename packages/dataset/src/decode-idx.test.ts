import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeIdx as decodeIdxBrowser } from './decode-idx.js';
import { encodeIdx } from './encode-idx.js';
import { decodeIdx as decodeIdxNode } from './node/decode-idx.js';

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
});
