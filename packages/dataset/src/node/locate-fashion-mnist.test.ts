import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTinyDataset, writeTinyDataset } from '../testing.js';
import { locateFashionMnist } from './locate-fashion-mnist.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-locate-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('locateFashionMnist', () => {
  const tiny = makeTinyDataset();
  const base = () => ({
    manifest: tiny.manifest,
    env: {},
    cacheDir: join(root, 'cache'),
    systemDirs: [join(root, 'sys1'), join(root, 'sys2')],
  });

  it('follows the order dir → FMNIST_DATA_DIR → cache → system', async () => {
    for (const name of ['dir', 'env', 'cache', 'sys2'])
      await writeTinyDataset(join(root, name), tiny);
    const kind = async (options: object) =>
      (await locateFashionMnist({ ...base(), ...options })).source;
    expect(
      await kind({ dir: join(root, 'dir'), env: { FMNIST_DATA_DIR: join(root, 'env') } }),
    ).toMatchObject({
      kind: 'directory',
      location: join(root, 'dir'),
    });
    expect(await kind({ env: { FMNIST_DATA_DIR: join(root, 'env') } })).toMatchObject({
      kind: 'env',
    });
    expect(await kind({})).toMatchObject({ kind: 'cache', location: join(root, 'cache') });
    const result = await locateFashionMnist({ ...base(), cacheDir: join(root, 'nothing') });
    expect(result.source).toMatchObject({ kind: 'system', location: join(root, 'sys2') });
    expect(result.searched.map((s) => [s.kind, s.missing.length])).toEqual([
      ['cache', 4],
      ['system', 4],
      ['system', 0],
    ]);
  });

  it('derives the cache from XDG_CACHE_HOME when no cacheDir is given', async () => {
    await writeTinyDataset(join(root, 'xdg', 'fmnist'), tiny);
    const { source } = await locateFashionMnist({
      manifest: tiny.manifest,
      env: { XDG_CACHE_HOME: join(root, 'xdg') },
      systemDirs: [],
    });
    expect(source).toMatchObject({ kind: 'cache', location: join(root, 'xdg', 'fmnist') });
  });

  it('returns no source when nothing is complete', async () => {
    await writeTinyDataset(join(root, 'cache'), tiny, { only: ['trainImages'] });
    const result = await locateFashionMnist(base());
    expect(result.source).toBeUndefined();
    expect(result.searched[0]?.missing).toEqual(['trainLabels', 'testImages', 'testLabels']);
  });

  it('fails on an incomplete explicit directory or FMNIST_DATA_DIR instead of skipping it', async () => {
    await writeTinyDataset(join(root, 'cache'), tiny);
    await expect(locateFashionMnist({ ...base(), dir: join(root, 'empty') })).rejects.toMatchObject(
      {
        code: 'FILES_NOT_FOUND',
        message: expect.stringContaining('(the directory given)'),
      },
    );
    await expect(
      locateFashionMnist({ ...base(), env: { FMNIST_DATA_DIR: join(root, 'empty') } }),
    ).rejects.toThrow(/apt-get install dataset-fashion-mnist.*FMNIST_DATA_DIR.*fmnist data fetch/);
  });
});
