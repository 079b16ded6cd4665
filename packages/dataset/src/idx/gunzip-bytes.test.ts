import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipBytes } from './gunzip-bytes.js';
import { isGzip } from './is-gzip.js';

describe('gunzipBytes', () => {
  it('decompresses gzip and passes other bytes through', async () => {
    const raw = Uint8Array.from({ length: 1000 }, (_, i) => i % 7);
    const gz = new Uint8Array(gzipSync(raw));
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(raw)).toBe(false);
    expect(await gunzipBytes(gz)).toEqual(raw);
    expect(await gunzipBytes(raw)).toBe(raw);
  });

  it('reports corrupt gzip as GZIP_INVALID', async () => {
    const gz = new Uint8Array(gzipSync(new Uint8Array(1000)));
    await expect(gunzipBytes(gz.subarray(0, 20), 'x.gz')).rejects.toMatchObject({
      code: 'GZIP_INVALID',
      message: expect.stringContaining('x.gz'),
    });
  });
});
