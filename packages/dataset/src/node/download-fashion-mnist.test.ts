import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MirrorServer, startMirrorServer } from '../../test/start-mirror-server.js';
import { makeTinyDataset, writeTinyDataset } from '../testing.js';
import type { DownloadEvent, DownloadFashionMnistOptions } from './download-fashion-mnist.js';
import { downloadFashionMnist } from './download-fashion-mnist.js';
import { findDatasetFiles } from './find-dataset-files.js';
import { loadFashionMnist } from './load-fashion-mnist.js';

// 200 images of 28×28: big enough that the body comes in several chunks.
const tiny = makeTinyDataset({ train: 200, test: 20 });
let server: MirrorServer;
let cacheDir: string;

beforeAll(async () => {
  server = await startMirrorServer(tiny);
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.hits.clear();
  cacheDir = join(await mkdtemp(join(tmpdir(), 'fmnist-dl-')), 'cache');
});
afterEach(async () => {
  await rm(join(cacheDir, '..'), { recursive: true, force: true });
});

const base = (extra: Partial<DownloadFashionMnistOptions> = {}): DownloadFashionMnistOptions => ({
  cacheDir,
  manifest: tiny.manifest,
  retryDelayMs: 0,
  timeoutMs: 2000,
  ...extra,
});

const hitsFor = (behaviour: string) =>
  [...server.hits].filter(([p]) => p.startsWith(`/${behaviour}/`)).reduce((s, [, n]) => s + n, 0);

// Nothing in the cache may look like a usable dataset file, and no temporary file may remain.
async function expectNothingUsable(): Promise<void> {
  const names = await readdir(cacheDir).catch(() => []);
  expect(names.filter((n) => n.endsWith('.part') || n.endsWith('.tmp'))).toEqual([]);
  expect(await findDatasetFiles(cacheDir, tiny.manifest)).toMatchObject({ complete: false });
  await expect(
    loadFashionMnist({
      env: {},
      cacheDir,
      systemDirs: [],
      manifest: tiny.manifest,
      download: false,
    }),
  ).rejects.toMatchObject({ code: 'FILES_NOT_FOUND' });
}

describe('downloadFashionMnist against a local HTTP server', () => {
  it('downloads from a good mirror, reports bytes received, and stores verified raw IDX', async () => {
    const events: DownloadEvent[] = [];
    const source = await downloadFashionMnist(
      base({ mirrors: [server.url('good')], onProgress: (e) => events.push(e) }),
    );
    expect(source).toMatchObject({ kind: 'download', location: cacheDir });
    expect(new Uint8Array(await readFile(source.files.trainImages))).toEqual(
      tiny.contents.trainImages,
    );
    const progress = events.filter((e) => e.status === 'progress' && e.role === 'trainImages');
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1);
    expect(last?.receivedBytes).toBe(last?.totalBytes);
    const received = progress.map((e) => e.receivedBytes ?? 0);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(events.filter((e) => e.status === 'verified')).toHaveLength(4);
    const names = await readdir(cacheDir);
    expect(names.filter((n) => n.endsWith('.part') || n.endsWith('.tmp'))).toEqual([]);
    expect(names).toContain('fmnist-cache.json');
  });

  it('moves past a mirror with wrong content (checksum) or non-gzip bytes, without retrying it', async () => {
    const events: DownloadEvent[] = [];
    await downloadFashionMnist(
      base({
        mirrors: [server.url('corrupt'), server.url('garbage'), server.url('good')],
        onProgress: (e) => events.push(e),
      }),
    );
    expect(hitsFor('corrupt')).toBe(4);
    expect(hitsFor('garbage')).toBe(4);
    const failures = events.filter((e) => e.status === 'failed').map((e) => e.error?.code);
    expect(failures).toEqual(new Array(8).fill('CHECKSUM_MISMATCH'));
  });

  it('retries a cut-off download and a 500, then fails naming every attempt, leaving nothing usable', async () => {
    const error = await downloadFashionMnist(
      base({ mirrors: [server.url('truncated'), server.url('error500')], retries: 2 }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DOWNLOAD_FAILED' });
    const message = (error as Error).message;
    expect(message).toContain(`${server.url('truncated')}train-images-idx3-ubyte.gz`);
    expect(message).toContain('found 500');
    expect(message).toContain('FMNIST_DATA_DIR');
    expect(hitsFor('truncated')).toBe(3);
    expect(hitsFor('error500')).toBe(3);
    await expectNothingUsable();
  });

  it('does not retry a 404, and succeeds after transient 503s', async () => {
    const events: DownloadEvent[] = [];
    await downloadFashionMnist(
      base({
        mirrors: [server.url('missing'), server.url('flaky')],
        retries: 2,
        onProgress: (e) => events.push(e),
      }),
    );
    expect(hitsFor('missing')).toBe(4);
    expect(hitsFor('flaky')).toBe(12);
    expect(events.filter((e) => e.status === 'retrying')).toHaveLength(8);
  });

  it('gives up on a stalled response after timeoutMs and leaves nothing usable', async () => {
    const started = Date.now();
    const error = await downloadFashionMnist(
      base({ mirrors: [server.url('slow')], timeoutMs: 150, retries: 1 }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DOWNLOAD_FAILED' });
    expect((error as Error).message).toMatch(/stalled \(raise timeoutMs/);
    expect(hitsFor('slow')).toBe(2);
    expect(Date.now() - started).toBeLessThan(5000);
    await expectNothingUsable();
  });

  it('stops when aborted mid-download, leaving nothing usable', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(
      downloadFashionMnist(
        base({ mirrors: [server.url('slow')], timeoutMs: 10_000, signal: controller.signal }),
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    await expectNothingUsable();
  });

  it('does not fetch files already cached and verified, and replaces corrupt ones', async () => {
    await writeTinyDataset(cacheDir, tiny, { gzip: false });
    await writeFile(join(cacheDir, 't10k-labels-idx1-ubyte'), tiny.contents.trainLabels);
    const events: DownloadEvent[] = [];
    await downloadFashionMnist(
      base({ mirrors: [server.url('good')], onProgress: (e) => events.push(e) }),
    );
    expect(events.filter((e) => e.status === 'cached')).toHaveLength(3);
    expect([...server.hits.keys()]).toEqual([`/good/t10k-labels-idx1-ubyte.gz`]);
    expect(new Uint8Array(await readFile(join(cacheDir, 't10k-labels-idx1-ubyte')))).toEqual(
      tiny.contents.testLabels,
    );
  });

  it('removes temporary files a killed download left long ago, but not fresh ones', async () => {
    await mkdir(cacheDir, { recursive: true });
    const old = join(cacheDir, 'train-images-idx3-ubyte.gz.123.abcd.part');
    const fresh = join(cacheDir, 'train-labels-idx1-ubyte.gz.456.ef01.part');
    await writeFile(old, 'partial');
    await writeFile(fresh, 'partial');
    const past = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(old, past, past);
    await downloadFashionMnist(base({ mirrors: [server.url('good')] }));
    const names = await readdir(cacheDir);
    expect(names).not.toContain('train-images-idx3-ubyte.gz.123.abcd.part');
    expect(names).toContain('train-labels-idx1-ubyte.gz.456.ef01.part');
  });

  it('loads through loadFashionMnist with mirrors as an option', async () => {
    const data = await loadFashionMnist({
      env: {},
      cacheDir,
      systemDirs: [],
      manifest: tiny.manifest,
      mirrors: [server.url('error500'), server.url('good')],
      retries: 0,
    });
    expect(data.source.kind).toBe('download');
    expect(data.verified).toBe(true);
    expect(data.train.count).toBe(200);
  });
});
