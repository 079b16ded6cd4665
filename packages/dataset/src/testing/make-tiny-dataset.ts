import { createHash } from 'node:crypto';
import { encodeIdx } from '../idx/encode-idx.js';
import {
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetManifest,
  FASHION_MNIST_MANIFEST,
} from '../load/fashion-mnist-manifest.js';
import type { LabeledImages } from '../load/labeled-images.js';
import { makeTinyImages } from './make-tiny-images.js';

/** Options of {@link makeTinyDataset}. */
export interface MakeTinyDatasetOptions {
  /** Training images (default 30). */
  train?: number;
  /** Test images (default 10). */
  test?: number;
  /** Image height (default 28). */
  rows?: number;
  /** Image width (default 28). */
  cols?: number;
  /** Seed of the training images' noise (default 1); the test images use `seed + 1`. */
  seed?: number;
}

/** A generated four-file dataset: the images, the IDX bytes, and a manifest that verifies them. */
export interface TinyDataset {
  /** The training split as {@link makeTinyImages} drew it. */
  train: LabeledImages;
  /** The test split. */
  test: LabeledImages;
  /** The four files' uncompressed IDX content, by role. */
  contents: Record<DatasetFileRole, Uint8Array>;
  /**
   * Fashion-MNIST's manifest with these files' sha256 and sizes (name `tiny`, mirrors
   * `https://a.test/` and `https://b.test/`), so that verification passes.
   */
  manifest: DatasetManifest;
}

function encodeSplit(split: LabeledImages): [images: Uint8Array, labels: Uint8Array] {
  return [
    encodeIdx({ dtype: 'uint8', shape: [split.count, ...split.shape], data: split.images }),
    encodeIdx({ dtype: 'uint8', shape: [split.count], data: split.labels }),
  ];
}

/**
 * A tiny dataset in the MNIST layout, generated with {@link makeTinyImages} and this package's
 * IDX encoder: no real data, no checked-in fixtures. The same options give the same bytes.
 *
 * @param options - split sizes (default 30 and 10), image size (default 28×28), `seed`
 * @returns the splits, their IDX files and a manifest that matches them
 *
 * @example
 * ```ts
 * import { makeTinyDataset } from '@fmnist/dataset/testing';
 * const { contents, manifest } = makeTinyDataset({ train: 200, test: 20 });
 * const data = await decodeDatasetFiles(contents, { manifest }); // data.verified === true
 * ```
 */
export function makeTinyDataset(options: MakeTinyDatasetOptions = {}): TinyDataset {
  const { train: trainCount = 30, test: testCount = 10, rows = 28, cols = 28, seed = 1 } = options;
  const train = makeTinyImages(trainCount, { seed, rows, cols });
  const test = makeTinyImages(testCount, { seed: seed + 1, rows, cols });
  const [trainImages, trainLabels] = encodeSplit(train);
  const [testImages, testLabels] = encodeSplit(test);
  const contents = { trainImages, trainLabels, testImages, testLabels };
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
    train,
    test,
    contents,
    manifest: {
      ...FASHION_MNIST_MANIFEST,
      name: 'tiny',
      files,
      mirrors: ['https://a.test/', 'https://b.test/'],
    },
  };
}
