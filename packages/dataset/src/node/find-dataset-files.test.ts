import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTinyDataset, writeTinyDataset } from '../testing.js';
import { findDatasetFiles } from './find-dataset-files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fmnist-find-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findDatasetFiles', () => {
  const tiny = makeTinyDataset();

  it('finds gzipped and raw files, and MNIST-style dotted names', async () => {
    await writeTinyDataset(dir, tiny, { only: ['trainImages', 'trainLabels'] });
    await writeTinyDataset(dir, tiny, { gzip: false, only: ['testImages'] });
    await writeFile(join(dir, 't10k-labels.idx1-ubyte'), tiny.contents.testLabels);
    const found = await findDatasetFiles(dir, tiny.manifest);
    expect(found).toEqual({
      complete: true,
      files: {
        trainImages: join(dir, 'train-images-idx3-ubyte.gz'),
        trainLabels: join(dir, 'train-labels-idx1-ubyte.gz'),
        testImages: join(dir, 't10k-images-idx3-ubyte'),
        testLabels: join(dir, 't10k-labels.idx1-ubyte'),
      },
    });
  });

  it('reports what is missing', async () => {
    await writeTinyDataset(dir, tiny, { only: ['trainImages'] });
    const found = await findDatasetFiles(dir, tiny.manifest);
    expect(found.complete).toBe(false);
    if (!found.complete) expect(found.missing).toEqual(['trainLabels', 'testImages', 'testLabels']);
  });
});
