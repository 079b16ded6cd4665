// Node entry for tests: one seeded generator of tiny IDX datasets (no real data needed).

export { createTinyDatasetDir } from './testing/create-tiny-dataset-dir.js';
export type { MakeTinyDatasetOptions, TinyDataset } from './testing/make-tiny-dataset.js';
export { makeTinyDataset } from './testing/make-tiny-dataset.js';
export type { MakeTinyImagesOptions } from './testing/make-tiny-images.js';
export { makeTinyImages } from './testing/make-tiny-images.js';
export type { WriteTinyDatasetOptions } from './testing/write-tiny-dataset.js';
export { writeTinyDataset } from './testing/write-tiny-dataset.js';
