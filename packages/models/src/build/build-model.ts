import * as tf from '@tensorflow/tfjs';
import { describeLayers } from '../spec/describe-layers.js';
import type { LayerSpec, ModelSpec, ModelSpecInput } from '../spec/model-spec.js';
import { parseSpec } from '../spec/parse-spec.js';
import { createOptimizer } from './create-optimizer.js';
import { deriveSeed } from './derive-seed.js';

/** Options of {@link buildModel}. */
export interface BuildModelOptions {
  /**
   * Base seed of the weight initialisers. The same seed gives the same weights. Left out, a
   * random seed is drawn (like Keras).
   */
  seed?: number;
}

function createLayer(
  layer: LayerSpec,
  index: number,
  name: string,
  seed: number,
  inputShape: number[] | undefined,
): tf.layers.Layer {
  const common = { name, ...(inputShape === undefined ? {} : { inputShape }) };
  // Each layer gets its own seed: tfjs would give two same-shaped layers identical weights.
  const kernelInitializer = () =>
    tf.initializers.glorotUniform({ seed: deriveSeed(seed, 'layer', index, 'kernel') });
  switch (layer.type) {
    case 'dense':
      return tf.layers.dense({
        ...common,
        units: layer.units,
        activation: layer.activation,
        useBias: layer.useBias,
        kernelInitializer: kernelInitializer(),
        biasInitializer: 'zeros',
      });
    case 'dropout':
      // No seed unless the spec fixes one: the training loop seeds each call itself.
      return tf.layers.dropout({
        ...common,
        rate: layer.rate,
        ...(layer.seed === undefined ? {} : { seed: layer.seed }),
      });
    case 'flatten':
      return tf.layers.flatten(common);
    case 'reshape':
      return tf.layers.reshape({ ...common, targetShape: layer.targetShape });
    case 'conv2d':
      return tf.layers.conv2d({
        ...common,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: layer.activation,
        useBias: layer.useBias,
        dataFormat: 'channelsLast',
        kernelInitializer: kernelInitializer(),
        biasInitializer: 'zeros',
      });
    case 'maxPooling2d':
      return tf.layers.maxPooling2d({
        ...common,
        poolSize: layer.poolSize,
        strides: layer.strides,
        padding: layer.padding,
        dataFormat: 'channelsLast',
      });
    case 'batchNormalization':
      return tf.layers.batchNormalization({
        ...common,
        momentum: layer.momentum,
        epsilon: layer.epsilon,
      });
  }
}

/** A tfjs-safe model name from a free-text spec name. */
function toModelName(name: string | undefined): string {
  const cleaned = (name ?? 'sequential').replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z0-9]/.test(cleaned) ? cleaned : `m${cleaned}`;
}

/**
 * Builds and compiles a tfjs model from a spec: Keras' initialisers (glorot-uniform kernels,
 * zero biases, one derived seed per layer), the spec's optimizer (from `createOptimizer`),
 * categorical cross-entropy and `metrics: ['accuracy']` (tfjs logs it as `acc`/`val_acc`).
 * Layers are named like Keras' (`dense`, `dense_1`, ...), as in `summarizeModel`.
 *
 * Free it with `disposeModel(model)`.
 *
 * @throws ModelsError `INVALID_SPEC` when the spec is not valid
 */
export function buildModel(
  spec: ModelSpec | ModelSpecInput,
  options: BuildModelOptions = {},
): tf.LayersModel {
  const canonical = parseSpec(spec);
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const names = describeLayers(canonical).layers.map((layer) => layer.name);
  const model = tf.sequential({ name: toModelName(canonical.name) });
  canonical.layers.forEach((layer, index) => {
    const inputShape = index === 0 ? canonical.inputShape : undefined;
    model.add(createLayer(layer, index, names[index] ?? `layer_${index}`, seed, inputShape));
  });
  model.compile({
    optimizer: createOptimizer(canonical.optimizer),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}
