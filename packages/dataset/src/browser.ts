// The platform-neutral part of @fmnist/dataset: no node: imports, safe to bundle for browsers.

// batch/: batches and one-hot labels
export type { Batch, BatchOptions } from './batch/batches.js';
export { batches } from './batch/batches.js';
export type { CountBatchesOptions } from './batch/count-batches.js';
export { countBatches } from './batch/count-batches.js';
export { oneHot } from './batch/one-hot.js';
// bytes/: base64, as run records keep pixels and predictions
export { decodeBase64 } from './bytes/decode-base64.js';
export { encodeBase64 } from './bytes/encode-base64.js';
// errors/: the one error class
export type { DatasetErrorCode } from './errors/dataset-error.js';
export { DATASET_ERROR_CODES, DatasetError } from './errors/dataset-error.js';
// idx/: the IDX codec
export { decodeIdx } from './idx/decode-idx.js';
export { encodeIdx } from './idx/encode-idx.js';
export { gunzipBytes } from './idx/gunzip-bytes.js';
export type { IdxArray, IdxDataType, IdxTypedArrays } from './idx/idx-array.js';
export { isGzip } from './idx/is-gzip.js';
export type { ParseIdxOptions } from './idx/parse-idx.js';
export { parseIdx } from './idx/parse-idx.js';
// image/: images to and from the dataset's 28×28 form
export type { FormatImageTextOptions } from './image/format-image-text.js';
export { formatImageText } from './image/format-image-text.js';
export type { DatasetImage, GrayImage, ToDatasetImageOptions } from './image/to-dataset-image.js';
export { toDatasetImage } from './image/to-dataset-image.js';
export { toFloat32 } from './image/to-float32.js';
export type { RgbaImage } from './image/to-gray-image.js';
export { toGrayImage } from './image/to-gray-image.js';
// load/: Fashion-MNIST's manifest, decoding and verifying the four files, loading from a URL
export type { ClassName } from './load/class-names.js';
export { CLASS_NAMES } from './load/class-names.js';
export { computeSha256 } from './load/compute-sha256.js';
export type {
  DecodeDatasetFilesOptions,
  DecodedDataset,
  FileCheck,
  IntegrityMode,
} from './load/decode-dataset-files.js';
export { decodeDatasetFiles } from './load/decode-dataset-files.js';
export type {
  DatasetFileRole,
  DatasetManifest,
  ManifestFile,
} from './load/fashion-mnist-manifest.js';
export { DATASET_FILE_ROLES, FASHION_MNIST_MANIFEST } from './load/fashion-mnist-manifest.js';
export type { LabeledImages, ToLabeledImagesOptions } from './load/labeled-images.js';
export { toLabeledImages } from './load/labeled-images.js';
export type { LoadDatasetFromUrlOptions, UrlLoadedDataset } from './load/load-dataset-from-url.js';
export { loadDatasetFromUrl } from './load/load-dataset-from-url.js';
// split/: seeded RNG, shuffles, holdout splits, example selection
export { countClasses } from './split/count-classes.js';
export type { Rng } from './split/create-rng.js';
export { createRng, restoreRng } from './split/create-rng.js';
export { selectExamples } from './split/select-examples.js';
export type { MutableArrayLike } from './split/shuffle.js';
export { shuffle } from './split/shuffle.js';
export { shuffleIndices } from './split/shuffle-indices.js';
export type { HoldoutSplit, SplitHoldoutOptions } from './split/split-holdout.js';
export { splitHoldout } from './split/split-holdout.js';
