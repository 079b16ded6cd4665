// The platform-neutral part of @fmnist/dataset: no node: imports, safe to bundle for browsers.

export type { Batch, BatchOptions } from './batches.js';
export { batches } from './batches.js';
export type { ClassName } from './class-names.js';
export { CLASS_NAMES } from './class-names.js';
export { computeSha256 } from './compute-sha256.js';
export type { CountBatchesOptions } from './count-batches.js';
export { countBatches } from './count-batches.js';
export { countClasses } from './count-classes.js';
export type { Rng } from './create-rng.js';
export { createRng, restoreRng } from './create-rng.js';
export type {
  DecodeDatasetFilesOptions,
  DecodedDataset,
  FileCheck,
  IntegrityMode,
} from './decode-dataset-files.js';
export { decodeDatasetFiles } from './decode-dataset-files.js';
export { decodeIdx } from './decode-idx.js';
export { encodeIdx } from './encode-idx.js';
export type { DatasetErrorCode } from './errors.js';
export { DATASET_ERROR_CODES, DatasetError } from './errors.js';
export type { DatasetFileRole, DatasetManifest, ManifestFile } from './fashion-mnist-manifest.js';
export { DATASET_FILE_ROLES, FASHION_MNIST_MANIFEST } from './fashion-mnist-manifest.js';
export { gunzipBytes } from './gunzip-bytes.js';
export type { IdxArray, IdxDataType, IdxTypedArrays } from './idx-array.js';
export { isGzip } from './is-gzip.js';
export type { LabeledImages, ToLabeledImagesOptions } from './labeled-images.js';
export { toLabeledImages } from './labeled-images.js';
export type { LoadDatasetFromUrlOptions, UrlLoadedDataset } from './load-dataset-from-url.js';
export { loadDatasetFromUrl } from './load-dataset-from-url.js';
export { oneHot } from './one-hot.js';
export type { ParseIdxOptions } from './parse-idx.js';
export { parseIdx } from './parse-idx.js';
export type { RenderAsciiOptions } from './render-ascii.js';
export { renderAscii } from './render-ascii.js';
export { selectExamples } from './select-examples.js';
export type { MutableArrayLike } from './shuffle.js';
export { shuffle } from './shuffle.js';
export { shuffleIndices } from './shuffle-indices.js';
export type { HoldoutSplit, SplitHoldoutOptions } from './split-holdout.js';
export { splitHoldout } from './split-holdout.js';
export type { DatasetImage, GrayImage, ToDatasetImageOptions } from './to-dataset-image.js';
export { toDatasetImage } from './to-dataset-image.js';
export { toFloat32 } from './to-float32.js';
