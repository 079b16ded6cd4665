import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDataset, writeTinyDataset } from '../testing.js';
import { loadIdxDataset } from './load-idx-dataset.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-idx-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadIdxDataset', () => {
  it('loads any image size, structurally checked, never verified', async () => {
    const tiny = makeTinyDataset({ train: 12, test: 5, rows: 7, cols: 9 });
    await writeTinyDataset(join(root, 'a'), tiny, { gzip: false });
    const data = await loadIdxDataset(join(root, 'a'));
    expect(data.verified).toBe(false);
    expect(data.train.shape).toEqual([7, 9]);
    expect([data.train.count, data.test.count]).toEqual([12, 5]);
    expect(data.source).toMatchObject({ kind: 'directory', location: join(root, 'a') });
  });

  it('says which files are missing', async () => {
    const tiny = makeTinyDataset();
    await writeTinyDataset(join(root, 'b'), tiny, { only: ['trainImages', 'trainLabels'] });
    await expect(loadIdxDataset(join(root, 'b'))).rejects.toMatchObject({
      code: 'FILES_NOT_FOUND',
      message: expect.stringMatching(/t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte missing/),
    });
  });
});
