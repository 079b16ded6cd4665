import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeTinyDataset } from '../testing.js';
import { loadDatasetFromUrl } from './load-dataset-from-url.js';

const { contents, manifest } = makeTinyDataset();

function serve(files: Record<string, Uint8Array>): typeof fetch {
  return async (input) => {
    const body = files[String(input)];
    return body === undefined
      ? new Response('nope', { status: 404 })
      : new Response(body as Uint8Array<ArrayBuffer>);
  };
}

describe('loadDatasetFromUrl', () => {
  it('fetches, decompresses and verifies the four files', async () => {
    const files = Object.fromEntries(
      Object.entries(manifest.files).map(([role, f]) => [
        `https://x.test/d/${f.fileName}.gz`,
        new Uint8Array(gzipSync(contents[role as keyof typeof contents])),
      ]),
    );
    const data = await loadDatasetFromUrl('https://x.test/d/', { manifest, fetch: serve(files) });
    expect(data.verified).toBe(true);
    expect(data.source).toEqual({ kind: 'url', location: 'https://x.test/d/' });
    expect(data.train.count).toBe(30);
  });

  it('fetches uncompressed files when gzip is false', async () => {
    const files = Object.fromEntries(
      Object.entries(manifest.files).map(([role, f]) => [
        `/d/${f.fileName}`,
        contents[role as keyof typeof contents],
      ]),
    );
    const data = await loadDatasetFromUrl('/d/', { manifest, gzip: false, fetch: serve(files) });
    expect(data.test.count).toBe(10);
  });

  it('reports HTTP and network failures as DOWNLOAD_FAILED', async () => {
    await expect(loadDatasetFromUrl('/none/', { fetch: serve({}) })).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      message: expect.stringContaining('found 404'),
    });
    const failing: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(loadDatasetFromUrl('/x/', { fetch: failing })).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      message: expect.stringContaining('network error (fetch failed)'),
    });
  });
});
