import * as tf from '@tensorflow/tfjs';
import { loadModelFromArtifacts } from './load-model-from-artifacts.js';

/** Options of {@link loadModelFromUrl}: passed to `tf.io.http`. */
export interface LoadModelFromUrlOptions {
  /** Extra `fetch` options (credentials, headers, ...). */
  requestInit?: RequestInit;
  /** Called with the fraction loaded, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** A `fetch` to use instead of the global one. */
  fetchFunc?: typeof fetch;
}

/**
 * Loads a model from the URL of its model.json (absolute, or relative to the page in a
 * browser); the weights file is fetched from next to it. Works in browsers and in Node
 * (absolute URLs).
 *
 * @throws ModelsError `LOAD_FAILED` naming the URL when fetching or parsing fails
 */
export async function loadModelFromUrl(
  url: string,
  options: LoadModelFromUrlOptions = {},
): Promise<tf.LayersModel> {
  const loadOptions: tf.io.LoadOptions = {
    ...(options.requestInit === undefined ? {} : { requestInit: options.requestInit }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.fetchFunc === undefined ? {} : { fetchFunc: options.fetchFunc }),
  };
  return loadModelFromArtifacts(tf.io.http(url, loadOptions), url);
}
