/**
 * `@fmnist/models` (Node entry): everything of `@fmnist/models/browser` — model specs, presets,
 * summaries, building, loading from a URL or dropped files — plus saving to and loading from a
 * directory.
 *
 * @packageDocumentation
 */
export * from './browser.js';
export { loadModel } from './io/load-model.js';
export type { SaveModelOptions } from './io/save-model.js';
export { saveModel } from './io/save-model.js';
