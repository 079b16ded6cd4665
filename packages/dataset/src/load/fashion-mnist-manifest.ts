import { CLASS_NAMES } from './class-names.js';

/** The four files of a dataset in the MNIST layout. */
export type DatasetFileRole = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';

/** The roles in the order files are listed and loaded. */
export const DATASET_FILE_ROLES = [
  'trainImages',
  'trainLabels',
  'testImages',
  'testLabels',
] as const satisfies readonly DatasetFileRole[];

/** One file of a {@link DatasetManifest}. */
export interface ManifestFile {
  /** Name without `.gz`, e.g. `train-images-idx3-ubyte`; mirrors serve `<fileName>.gz`. */
  fileName: string;
  /** sha256 (lowercase hex) of the decompressed IDX content. */
  sha256: string;
  /** Size in bytes of the decompressed IDX content. */
  bytes: number;
}

/**
 * Where a four-file IDX dataset lives and how to recognise it. {@link FASHION_MNIST_MANIFEST} is
 * the one this package ships; write another to download and verify a different dataset.
 */
export interface DatasetManifest {
  /** Human name, used in messages and records. */
  name: string;
  /** Base URLs (ending in `/`) tried in order; each serves `<fileName>.gz`. */
  mirrors: readonly string[];
  /** The four files. */
  files: Readonly<Record<DatasetFileRole, ManifestFile>>;
  /** Class names by label. */
  classNames: readonly string[];
}

/**
 * Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017; MIT licence, Zalando SE). Hashes are of the
 * decompressed files, so re-packaged copies (Debian's `dataset-fashion-mnist` has other .gz bytes)
 * verify too; they match the official .gz files (md5 8d4fb7e6…, 25c81989…, bef4ecab…, bb300cfd…)
 * decompressed. Mirrors: Keras's, the dataset's GitHub repository, its S3 bucket (HTTP only;
 * content is checked by hash).
 */
export const FASHION_MNIST_MANIFEST: DatasetManifest = {
  name: 'Fashion-MNIST',
  mirrors: [
    'https://storage.googleapis.com/tensorflow/tf-keras-datasets/',
    'https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/',
    'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/',
  ],
  files: {
    trainImages: {
      fileName: 'train-images-idx3-ubyte',
      sha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
      bytes: 47_040_016,
    },
    trainLabels: {
      fileName: 'train-labels-idx1-ubyte',
      sha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
      bytes: 60_008,
    },
    testImages: {
      fileName: 't10k-images-idx3-ubyte',
      sha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
      bytes: 7_840_016,
    },
    testLabels: {
      fileName: 't10k-labels-idx1-ubyte',
      sha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
      bytes: 10_008,
    },
  },
  classNames: CLASS_NAMES,
};
