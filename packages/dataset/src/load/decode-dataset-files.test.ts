import { describe, expect, it } from 'vitest';
import { encodeIdx } from '../idx/encode-idx.js';
import { makeTinyDataset } from '../testing.js';
import { decodeDatasetFiles } from './decode-dataset-files.js';

describe('decodeDatasetFiles', () => {
  it('decodes the four files and verifies them against the manifest', async () => {
    const { contents, manifest } = makeTinyDataset({ train: 30, test: 10, rows: 4, cols: 3 });
    const data = await decodeDatasetFiles(contents, { manifest });
    expect(data.verified).toBe(true);
    expect(data.train.count).toBe(30);
    expect(data.test.count).toBe(10);
    expect(data.train.shape).toEqual([4, 3]);
    expect(data.checks.map((c) => c.role)).toEqual([
      'trainImages',
      'trainLabels',
      'testImages',
      'testLabels',
    ]);
    expect(data.checks.every((c) => c.matches && c.actualSha256 === c.expectedSha256)).toBe(true);
  });

  it('loads another dataset unverified under check, and refuses it under require', async () => {
    const { contents } = makeTinyDataset();
    const data = await decodeDatasetFiles(contents);
    expect(data.verified).toBe(false);
    expect(data.checks.every((c) => !c.matches)).toBe(true);
    await expect(
      decodeDatasetFiles(contents, { integrity: 'require', location: '/data' }),
    ).rejects.toMatchObject({
      code: 'CHECKSUM_MISMATCH',
      message: expect.stringContaining('in /data'),
    });
  });

  it('skips hashing under skip', async () => {
    const { contents, manifest } = makeTinyDataset();
    const data = await decodeDatasetFiles(contents, { manifest, integrity: 'skip' });
    expect(data.verified).toBe(false);
    expect(data.checks[0]?.actualSha256).toBeUndefined();
  });

  it('rejects train and test images of different sizes', async () => {
    const { contents } = makeTinyDataset();
    const other = makeTinyDataset({ train: 30, test: 10, rows: 5, cols: 5 }).contents;
    await expect(
      decodeDatasetFiles({ ...contents, testImages: other.testImages }),
    ).rejects.toMatchObject({ code: 'DATASET_INVALID' });
  });

  it('rejects swapped images and labels with the file name', async () => {
    const { contents } = makeTinyDataset();
    await expect(
      decodeDatasetFiles({ ...contents, trainImages: contents.trainLabels }),
    ).rejects.toThrow(/train-images-idx3-ubyte/);
    const bad = encodeIdx({ dtype: 'uint8', shape: [10], data: new Uint8Array(10).fill(12) });
    await expect(decodeDatasetFiles({ ...contents, testLabels: bad })).rejects.toMatchObject({
      code: 'DATASET_INVALID',
    });
  });
});
