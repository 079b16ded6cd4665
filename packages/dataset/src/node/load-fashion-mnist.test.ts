import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLASS_NAMES } from '../load/class-names.js';
import { makeTinyDataset, writeTinyDataset } from '../testing.js';
import { loadFashionMnist } from './load-fashion-mnist.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-load-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadFashionMnist on generated data', () => {
  const tiny = makeTinyDataset();
  const isolated = () => ({ env: {}, cacheDir: join(root, 'cache'), systemDirs: [] });

  it('loads a directory of gzipped files and verifies them against the manifest', async () => {
    await writeTinyDataset(join(root, 'a'), tiny);
    const data = await loadFashionMnist({
      ...isolated(),
      dir: join(root, 'a'),
      manifest: tiny.manifest,
    });
    expect(data.verified).toBe(true);
    expect(data.source.kind).toBe('directory');
    expect(data.train.count).toBe(30);
    expect(data.test.labels[3]).toBe(3);
  });

  it('loads any MNIST-layout dataset unverified against the Fashion-MNIST manifest', async () => {
    await writeTinyDataset(join(root, 'b'), tiny, { gzip: false });
    const data = await loadFashionMnist({ ...isolated(), dir: join(root, 'b') });
    expect(data.verified).toBe(false);
    expect(data.test.count).toBe(10);
    await expect(
      loadFashionMnist({ ...isolated(), dir: join(root, 'b'), integrity: 'require' }),
    ).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
  });

  it('refuses to download when told not to, naming where it looked', async () => {
    await expect(loadFashionMnist({ ...isolated(), download: false })).rejects.toMatchObject({
      code: 'FILES_NOT_FOUND',
      message: expect.stringMatching(
        /cache \(cache: none\).*apt-get install dataset-fashion-mnist.*FMNIST_DATA_DIR.*fmnist data fetch/,
      ),
    });
  });

  it('downloads into the cache when nothing is found', async () => {
    const fetchTiny: typeof fetch = async (input) => {
      const entry = Object.entries(tiny.manifest.files).find(([, f]) =>
        String(input).endsWith(`${f.fileName}.gz`),
      );
      const role = entry?.[0] as keyof typeof tiny.contents;
      return new Response(new Uint8Array(gzipSync(tiny.contents[role])) as Uint8Array<ArrayBuffer>);
    };
    const options = { ...isolated(), cacheDir: join(root, 'dl'), manifest: tiny.manifest };
    const data = await loadFashionMnist({ ...options, fetch: fetchTiny });
    expect(data.source).toMatchObject({ kind: 'download', location: join(root, 'dl') });
    expect(data.verified).toBe(true);
    const again = await loadFashionMnist({ ...options, download: false });
    expect(again.source.kind).toBe('cache');
  });
});

const SYSTEM = '/usr/share/datasets/fashion-mnist';

describe('loadFashionMnist warm cache (XDG_CACHE_HOME in a temp dir)', () => {
  const tiny = makeTinyDataset({ train: 50, test: 10 });
  let sys: string;
  let xdg: string;
  const options = () => ({
    env: { XDG_CACHE_HOME: xdg },
    systemDirs: [sys],
    manifest: tiny.manifest,
  });
  const cached = (name: string) => join(xdg, 'fmnist', name);

  beforeEach(async () => {
    sys = await mkdtemp(join(root, 'sys-'));
    xdg = await mkdtemp(join(root, 'xdg-'));
    await writeTinyDataset(sys, tiny);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps a verified raw copy after a .gz load, and the next load reads it without hashing', async () => {
    const cold = await loadFashionMnist(options());
    expect(cold.source.kind).toBe('system');
    expect(new Uint8Array(await readFile(cached('train-images-idx3-ubyte')))).toEqual(
      tiny.contents.trainImages,
    );
    const stamp = JSON.parse(await readFile(cached('fmnist-cache.json'), 'utf8'));
    expect(stamp.files['train-labels-idx1-ubyte']).toMatchObject({
      size: tiny.contents.trainLabels.length,
      sha256: tiny.manifest.files.trainLabels.sha256,
    });
    expect((await readdir(join(xdg, 'fmnist'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    const warm = await loadFashionMnist(options());
    expect(warm.source).toMatchObject({ kind: 'cache', location: join(xdg, 'fmnist') });
    expect(warm.verified).toBe(true);
    expect(digest).not.toHaveBeenCalled();
    expect(warm.train.images).toEqual(cold.train.images);
    expect(warm.test.labels).toEqual(cold.test.labels);
  });

  it('re-verifies a changed cache copy, drops it when it is corrupt, and falls back', async () => {
    await loadFashionMnist(options());
    const path = cached('t10k-images-idx3-ubyte');
    const bytes = new Uint8Array(await readFile(path));
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 0xff; // same size, new mtime
    await writeFile(path, bytes);
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    const again = await loadFashionMnist(options());
    expect(again.source.kind).toBe('system');
    expect(again.verified).toBe(true);
    expect(new Uint8Array(await readFile(path))).toEqual(tiny.contents.testImages);
    // Cut short: size mismatch, and the rest of the data is not valid IDX.
    await writeFile(path, bytes.subarray(0, 100));
    const third = await loadFashionMnist(options());
    expect(third.source.kind).toBe('system');
    expect((await loadFashionMnist(options())).source.kind).toBe('cache');
  });

  it('hashes a touched but intact cache copy once, then trusts it again', async () => {
    await loadFashionMnist(options());
    const path = cached('train-labels-idx1-ubyte');
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    const again = await loadFashionMnist(options());
    expect(again.source.kind).toBe('cache');
    expect(digest).toHaveBeenCalledTimes(1);
    digest.mockClear();
    await loadFashionMnist(options());
    expect(digest).not.toHaveBeenCalled();
  });

  it('writes no cache with cache: false, and never caches unverified data', async () => {
    await loadFashionMnist({ ...options(), cache: false });
    expect(existsSync(join(xdg, 'fmnist'))).toBe(false);
    await loadFashionMnist({ ...options(), manifest: undefined });
    expect(existsSync(join(xdg, 'fmnist'))).toBe(false);
  });
});

describe.skipIf(!existsSync(SYSTEM))('loadFashionMnist on the real files', () => {
  it('loads with no options: verified, 6,000 of every class, known first and last labels, then warm', async () => {
    vi.stubEnv('XDG_CACHE_HOME', await mkdtemp(join(root, 'real-')));
    vi.stubEnv('FMNIST_DATA_DIR', '');
    try {
      const data = await loadFashionMnist();
      expect(data.source).toMatchObject({ kind: 'system', location: SYSTEM });
      expect(data.verified).toBe(true);
      expect([data.train.count, data.test.count]).toEqual([60000, 10000]);
      expect(data.train.shape).toEqual([28, 28]);
      const counts = new Array(CLASS_NAMES.length).fill(0);
      for (const label of data.train.labels) counts[label] += 1;
      expect(counts).toEqual(new Array(10).fill(6000));
      expect(Array.from(data.test.labels.subarray(0, 3))).toEqual([9, 2, 1]);
      expect(Array.from(data.test.labels.subarray(-3))).toEqual([8, 1, 5]);
      // Reference values from NumPy reading the same files (np.frombuffer(gzip..., offset=16/8)).
      expect(Array.from(data.train.labels.subarray(0, 10))).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
      const sum = (a: Uint8Array) => a.reduce((s, v) => s + v, 0);
      expect(sum(data.train.images)).toBe(3431114169);
      expect(sum(data.test.images)).toBe(573469082);
      const warm = await loadFashionMnist();
      expect(warm.source.kind).toBe('cache');
      expect(warm.verified).toBe(true);
      expect(warm.test.labels).toEqual(data.test.labels);
    } finally {
      vi.unstubAllEnvs();
    }
  }, 30_000);
});
