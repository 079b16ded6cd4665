// Generates tiny four-file IDX datasets with our own encoder, for tests (no checked-in fixtures).
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeIdx } from '../src/encode-idx.js';
import {
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetManifest,
  FASHION_MNIST_MANIFEST,
} from '../src/fashion-mnist-manifest.js';

export interface TinyDataset {
  contents: Record<DatasetFileRole, Uint8Array>;
  manifest: DatasetManifest;
}

/** `train` and `test` images of `rows`×`cols` with pixel (i, p) = (i * 7 + p) % 256, label i % 10. */
export function makeTinyDataset(train = 30, test = 10, rows = 4, cols = 3): TinyDataset {
  const images = (count: number, salt: number) =>
    encodeIdx({
      dtype: 'uint8',
      shape: [count, rows, cols],
      data: Uint8Array.from({ length: count * rows * cols }, (_, k) => (k * 7 + salt) % 256),
    });
  const labels = (count: number) =>
    encodeIdx({
      dtype: 'uint8',
      shape: [count],
      data: Uint8Array.from({ length: count }, (_, i) => i % 10),
    });
  const contents = {
    trainImages: images(train, 0),
    trainLabels: labels(train),
    testImages: images(test, 1),
    testLabels: labels(test),
  };
  const files = Object.fromEntries(
    DATASET_FILE_ROLES.map((role) => [
      role,
      {
        fileName: FASHION_MNIST_MANIFEST.files[role].fileName,
        sha256: createHash('sha256').update(contents[role]).digest('hex'),
        bytes: contents[role].length,
      },
    ]),
  ) as DatasetManifest['files'];
  return {
    contents,
    manifest: {
      ...FASHION_MNIST_MANIFEST,
      name: 'tiny',
      files,
      mirrors: ['https://a.test/', 'https://b.test/'],
    },
  };
}

/** Writes the dataset's files into `dir`, gzipped (`.gz`) or raw. */
export async function writeTinyDataset(
  dir: string,
  dataset: TinyDataset,
  options: { gzip?: boolean; only?: readonly DatasetFileRole[] } = {},
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const role of options.only ?? DATASET_FILE_ROLES) {
    const name = dataset.manifest.files[role].fileName;
    const bytes = dataset.contents[role];
    if (options.gzip === false) await writeFile(join(dir, name), bytes);
    else await writeFile(join(dir, `${name}.gz`), gzipSync(bytes));
  }
}
