import { DatasetError } from '../errors/dataset-error.js';
import { parseIdx } from '../idx/parse-idx.js';
import { computeSha256 } from './compute-sha256.js';
import {
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetManifest,
  FASHION_MNIST_MANIFEST,
} from './fashion-mnist-manifest.js';
import { type LabeledImages, toLabeledImages } from './labeled-images.js';

/**
 * How to treat the manifest's hashes: `check` hashes and reports (`verified`), `require` also
 * throws on a mismatch, `skip` does not hash (`verified` is false).
 */
export type IntegrityMode = 'check' | 'require' | 'skip';

/** The result of hashing one file against its manifest entry. */
export interface FileCheck {
  /** Which file. */
  role: DatasetFileRole;
  /** The manifest's file name. */
  fileName: string;
  /** sha256 the manifest expects. */
  expectedSha256: string;
  /** sha256 of the decompressed content; `undefined` when integrity was `skip`. */
  actualSha256: string | undefined;
  /** Whether they are equal. */
  matches: boolean;
}

/** Train and test sets decoded from the four files, and whether they are the manifest's dataset. */
export interface DecodedDataset {
  /** The training set. */
  train: LabeledImages;
  /** The test set. */
  test: LabeledImages;
  /** True when all four files hash to the manifest's values. */
  verified: boolean;
  /** Per-file hash results, in {@link DATASET_FILE_ROLES} order. */
  checks: FileCheck[];
}

/** Options for {@link decodeDatasetFiles}. */
export interface DecodeDatasetFilesOptions {
  /** What the files should be; default {@link FASHION_MNIST_MANIFEST}. */
  manifest?: DatasetManifest;
  /** Default `check`. */
  integrity?: IntegrityMode;
  /** Where the files came from, used in error messages. */
  location?: string;
  /**
   * sha256 values already known for some of the contents (e.g. from the cache's stamp), used
   * instead of hashing them again.
   */
  knownSha256?: Partial<Record<DatasetFileRole, string>>;
}

/**
 * Decodes four decompressed IDX files in the MNIST layout into train and test sets, hashing them
 * against the manifest. Any four-file IDX dataset with uint8 images and labels loads; only the
 * manifest's files come back `verified`.
 *
 * @throws {DatasetError} from `parseIdx` and `toLabeledImages`; `CHECKSUM_MISMATCH` when
 *   integrity is `require` and a hash differs.
 */
export async function decodeDatasetFiles(
  contents: Readonly<Record<DatasetFileRole, Uint8Array>>,
  options: DecodeDatasetFilesOptions = {},
): Promise<DecodedDataset> {
  const manifest = options.manifest ?? FASHION_MNIST_MANIFEST;
  const integrity = options.integrity ?? 'check';
  const where = options.location === undefined ? '' : ` in ${options.location}`;
  const checks: FileCheck[] = [];
  for (const role of DATASET_FILE_ROLES) {
    const file = manifest.files[role];
    const actual =
      integrity === 'skip'
        ? undefined
        : (options.knownSha256?.[role] ?? (await computeSha256(contents[role])));
    checks.push({
      role,
      fileName: file.fileName,
      expectedSha256: file.sha256,
      actualSha256: actual,
      matches: actual === file.sha256,
    });
  }
  const verified = checks.every((c) => c.matches);
  if (integrity === 'require' && !verified) {
    const bad = checks.filter((c) => !c.matches);
    throw new DatasetError(
      'CHECKSUM_MISMATCH',
      `expected ${manifest.name}'s decompressed sha256 for ${bad.map((c) => c.fileName).join(', ')}${where}, found ${bad.map((c) => c.actualSha256).join(', ')}: the files are corrupt or another dataset; delete them to download again, or load with integrity 'check' to accept another dataset.`,
    );
  }
  const numClasses = manifest.classNames.length;
  const decode = (split: 'train' | 'test'): LabeledImages => {
    const imagesRole = split === 'train' ? 'trainImages' : 'testImages';
    const labelsRole = split === 'train' ? 'trainLabels' : 'testLabels';
    const images = parseIdx(contents[imagesRole], {
      dtype: 'uint8',
      rank: 3,
      name: `${manifest.files[imagesRole].fileName}${where}`,
    });
    const labels = parseIdx(contents[labelsRole], {
      dtype: 'uint8',
      rank: 1,
      name: `${manifest.files[labelsRole].fileName}${where}`,
    });
    return toLabeledImages(images, labels, { numClasses, name: `${split}${where}` });
  };
  const train = decode('train');
  const test = decode('test');
  if (train.shape[0] !== test.shape[0] || train.shape[1] !== test.shape[1]) {
    throw new DatasetError(
      'DATASET_INVALID',
      `expected train and test images of the same size${where}, found ${train.shape.join('x')} and ${test.shape.join('x')}: are the files from the same dataset?`,
    );
  }
  return { train, test, verified, checks };
}
