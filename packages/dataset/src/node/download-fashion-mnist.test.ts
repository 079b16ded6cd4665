import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTinyDataset, writeTinyDataset } from '../../test/make-tiny-dataset.js';
import type { DownloadEvent } from './download-fashion-mnist.js';
import { downloadFashionMnist } from './download-fashion-mnist.js';

let cacheDir: string;
beforeEach(async () => {
  cacheDir = join(await mkdtemp(join(tmpdir(), 'fmnist-dl-')), 'cache');
});
afterEach(async () => {
  await rm(join(cacheDir, '..'), { recursive: true, force: true });
});

const tiny = makeTinyDataset();
const gz = (role: keyof typeof tiny.contents) => new Uint8Array(gzipSync(tiny.contents[role]));

// Mirror a.test is down for everything; b.test serves the files (and a wrong one for test labels).
function makeFetch(log: string[], wrongTestLabels = false): typeof fetch {
  return async (input) => {
    const url = String(input);
    log.push(url);
    if (url.startsWith('https://a.test/')) throw new TypeError('fetch failed');
    const entry = Object.entries(tiny.manifest.files).find(([, f]) =>
      url.endsWith(`/${f.fileName}.gz`),
    );
    if (entry === undefined) return new Response('', { status: 404, statusText: 'Not Found' });
    const role = entry[0] as keyof typeof tiny.contents;
    const body = wrongTestLabels && role === 'testLabels' ? gz('trainLabels') : gz(role);
    return new Response(body as Uint8Array<ArrayBuffer>);
  };
}

describe('downloadFashionMnist', () => {
  it('falls back across mirrors, verifies, and writes the .gz files', async () => {
    const log: string[] = [];
    const events: DownloadEvent[] = [];
    const source = await downloadFashionMnist({
      cacheDir,
      manifest: tiny.manifest,
      fetch: makeFetch(log),
      onProgress: (e) => events.push(e),
    });
    expect(source.kind).toBe('download');
    expect(source.location).toBe(cacheDir);
    expect(log).toHaveLength(8);
    expect(events.filter((e) => e.status === 'failed')).toHaveLength(4);
    expect(events.filter((e) => e.status === 'verified').map((e) => e.url)).toEqual(
      Object.values(tiny.manifest.files).map((f) => `https://b.test/${f.fileName}.gz`),
    );
    const written = gunzipSync(await readFile(source.files.trainImages));
    expect(new Uint8Array(written)).toEqual(tiny.contents.trainImages);
    expect((await readdir(cacheDir)).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('does not fetch files already cached and verified, and replaces corrupt ones', async () => {
    await writeTinyDataset(cacheDir, tiny);
    await writeFile(join(cacheDir, 't10k-labels-idx1-ubyte.gz'), gz('trainLabels'));
    const log: string[] = [];
    const events: DownloadEvent[] = [];
    await downloadFashionMnist({
      cacheDir,
      manifest: tiny.manifest,
      fetch: makeFetch(log),
      onProgress: (e) => events.push(e),
    });
    expect(events.filter((e) => e.status === 'cached')).toHaveLength(3);
    expect(log.every((u) => u.endsWith('t10k-labels-idx1-ubyte.gz'))).toBe(true);
    const fixed = gunzipSync(await readFile(join(cacheDir, 't10k-labels-idx1-ubyte.gz')));
    expect(new Uint8Array(fixed)).toEqual(tiny.contents.testLabels);
  });

  it('fails with every mirror named when no mirror has the right content, writing nothing', async () => {
    const error = await downloadFashionMnist({
      cacheDir,
      manifest: tiny.manifest,
      fetch: makeFetch([], true),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DOWNLOAD_FAILED' });
    const message = (error as Error).message;
    expect(message).toContain('https://a.test/t10k-labels-idx1-ubyte.gz failed: fetch failed');
    expect(message).toContain('expected decompressed sha256');
    expect(message).toContain('FMNIST_DATA_DIR');
    expect(await readdir(cacheDir)).not.toContain('t10k-labels-idx1-ubyte.gz');
  });

  it('reports HTTP errors with their status', async () => {
    const notFound: typeof fetch = async () =>
      new Response('', { status: 404, statusText: 'Not Found' });
    await expect(
      downloadFashionMnist({ cacheDir, manifest: tiny.manifest, fetch: notFound }),
    ).rejects.toThrow(
      /expected HTTP 200 from https:\/\/a.test\/train-images-idx3-ubyte.gz, found 404 Not Found/,
    );
  });

  it('stops at once when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborting: typeof fetch = async (_input, init) => {
      init?.signal?.throwIfAborted();
      return new Response('');
    };
    await expect(
      downloadFashionMnist({
        cacheDir,
        manifest: tiny.manifest,
        fetch: aborting,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
