import type { EmbeddedModel } from './viewer-index.js';

/** A loaded model, ready to classify 28×28 images. */
export interface TryItModel {
  /** Class probabilities of one image: 784 values in [0, 1], row by row, light on dark. */
  predict(pixels: Float32Array): Promise<number[]>;
  /** Free the model's tensors. */
  dispose(): void;
}

/** What the Try-it engine script (tfjs + @fmnist/models/browser) puts on `globalThis.fmnistTryIt`. */
export interface TryItEngine {
  /** Load a run's model from the URL of its model.json (the weights are fetched next to it). */
  loadFromUrl(url: string): Promise<TryItModel>;
  /** Load a model embedded in an HTML report. */
  loadFromEmbedded(model: EmbeddedModel): Promise<TryItModel>;
  /** Load a model from files a person picked: model.json and its weights. */
  loadFromFiles(files: readonly File[]): Promise<TryItModel>;
}
