/**
 * The Try-it engine: the only code of the viewer that loads tfjs. Built as a classic script
 * (vite.try-it.config.ts) that sets `globalThis.fmnistTryIt`; the app adds it to the page when
 * the Try-it view opens.
 */
import { decodeBase64 } from '@fmnist/dataset/browser';
import { loadModelFromFiles, loadModelFromUrl, MODEL_FILE_NAMES } from '@fmnist/models/browser';
import * as tf from '@tensorflow/tfjs';
import type { TryItEngine, TryItModel } from '../shared/try-it-engine.js';
import type { EmbeddedModel } from '../shared/viewer-index.js';

let ready: Promise<void> | undefined;
/** One image through a small model needs no GPU; the cpu backend also works everywhere. */
const useCpu = () => {
  ready ??= tf.setBackend('cpu').then(() => tf.ready());
  return ready;
};

function wrap(model: tf.LayersModel): TryItModel {
  return {
    async predict(pixels) {
      const shape = model.inputs[0]?.shape ?? [null, 784];
      const inputShape = [1, ...shape.slice(1).map((d) => d ?? 1)];
      const output = tf.tidy(() => {
        const x = tf.tensor(pixels, [1, 784]).reshape(inputShape);
        return model.predict(x) as tf.Tensor;
      });
      const values = Array.from(await output.data());
      output.dispose();
      return values;
    },
    dispose() {
      model.dispose();
    },
  };
}

const engine: TryItEngine = {
  async loadFromUrl(url) {
    await useCpu();
    return wrap(await loadModelFromUrl(url));
  },
  async loadFromEmbedded(embedded: EmbeddedModel) {
    await useCpu();
    // The report holds the weights as one buffer: point the manifest at one file of that name.
    const modelJson = structuredClone(embedded.modelJson) as {
      weightsManifest?: { paths: string[] }[];
    };
    for (const [i, group] of (modelJson.weightsManifest ?? []).entries()) {
      group.paths = i === 0 ? [MODEL_FILE_NAMES.weights] : [];
    }
    const bytes = decodeBase64(embedded.weightsBase64);
    const files = [
      new File([JSON.stringify(modelJson)], MODEL_FILE_NAMES.modelJson, {
        type: 'application/json',
      }),
      new File([bytes.buffer as ArrayBuffer], MODEL_FILE_NAMES.weights),
    ];
    return wrap(await loadModelFromFiles(files));
  },
  async loadFromFiles(files) {
    await useCpu();
    return wrap(await loadModelFromFiles(files));
  },
};

(globalThis as { fmnistTryIt?: TryItEngine }).fmnistTryIt = engine;
