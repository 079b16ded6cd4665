// Node entry: everything in ./browser plus finding, downloading and reading files on disk.
// decodeIdx here (node:zlib) takes the place of the browser's (DecompressionStream).
export * from './browser.js';
export type { DataSource, DataSourceKind } from './node/data-source.js';
export { decodeIdx } from './node/decode-idx.js';
export type { DownloadEvent, DownloadFashionMnistOptions } from './node/download-fashion-mnist.js';
export { downloadFashionMnist } from './node/download-fashion-mnist.js';
export type { DatasetFilePaths, FoundDatasetFiles } from './node/find-dataset-files.js';
export { findDatasetFiles } from './node/find-dataset-files.js';
export type { LoadedDataset, LoadFashionMnistOptions } from './node/load-fashion-mnist.js';
export { loadFashionMnist } from './node/load-fashion-mnist.js';
export { loadIdxDataset } from './node/load-idx-dataset.js';
export type {
  LocateFashionMnistOptions,
  LocateResult,
  SearchedLocation,
} from './node/locate-fashion-mnist.js';
export { locateFashionMnist, SYSTEM_DATA_DIRS } from './node/locate-fashion-mnist.js';
export { readIdxFile } from './node/read-idx-file.js';
export type { ResolveCacheDirOptions } from './node/resolve-cache-dir.js';
export { resolveCacheDir } from './node/resolve-cache-dir.js';
