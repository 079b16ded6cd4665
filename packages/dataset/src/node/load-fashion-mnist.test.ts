import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDataset, writeTinyDataset } from '../../test/make-tiny-dataset.js';
import { CLASS_NAMES } from '../class-names.js';
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

describe.skipIf(!existsSync(SYSTEM))('loadFashionMnist on the real files', () => {
  it('finds the system copy, verifies it and matches NumPy', async () => {
    const data = await loadFashionMnist({ env: {}, cacheDir: join(root, 'none'), download: false });
    expect(data.source).toMatchObject({ kind: 'system', location: SYSTEM });
    expect(data.verified).toBe(true);
    expect([data.train.count, data.test.count]).toEqual([60000, 10000]);
    expect(data.train.shape).toEqual([28, 28]);
    // Reference values from NumPy reading the same files (np.frombuffer(gzip..., offset=16/8)).
    expect(Array.from(data.train.labels.subarray(0, 10))).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
    expect(Array.from(data.test.labels.subarray(0, 10))).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
    const sum = (a: Uint8Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(data.train.images)).toBe(3431114169);
    expect(sum(data.test.images)).toBe(573469082);
    expect(sum(data.train.images.subarray(0, 784))).toBe(76247);
    for (const split of [data.train, data.test]) {
      const counts = new Array(CLASS_NAMES.length).fill(0);
      for (const label of split.labels) counts[label] += 1;
      expect(new Set(counts)).toEqual(new Set([split.count / 10]));
    }
  });
});
