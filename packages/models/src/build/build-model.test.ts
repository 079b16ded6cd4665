import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ModelsError } from '../errors/models-error.js';
import { getPreset } from '../presets/get-preset.js';
import { PRESET_NAMES } from '../presets/preset-names.js';
import { describeLayers } from '../spec/describe-layers.js';
import { buildModel } from './build-model.js';
import { disposeModel } from './dispose-model.js';

const readWeights = (model: tf.LayersModel): Float32Array[] =>
  model.getWeights().map((w) => w.dataSync() as Float32Array);

describe('buildModel', () => {
  it.each(PRESET_NAMES)('%s: tfjs agrees with the spec on names, shapes and counts', (name) => {
    const spec = getPreset(name);
    const model = buildModel(spec, { seed: 1 });
    expect(
      model.layers.map((layer) => [layer.name, layer.outputShape, layer.countParams()]),
    ).toEqual(
      describeLayers(spec).layers.map((layer) => [
        layer.name,
        [null, ...layer.outputShape],
        layer.trainableParams + layer.nonTrainableParams,
      ]),
    );
    disposeModel(model);
  });

  it('gives the same weights for the same seed, other weights for another', () => {
    const a = buildModel(getPreset('mlp-deep-sgd'), { seed: 42 });
    const b = buildModel(getPreset('mlp-deep-sgd'), { seed: 42 });
    const c = buildModel(getPreset('mlp-deep-sgd'), { seed: 43 });
    expect(readWeights(a)).toEqual(readWeights(b));
    expect(readWeights(a)[0]).not.toEqual(readWeights(c)[0]);
    for (const model of [a, b, c]) disposeModel(model);
  });

  it('gives two layers of one shape different weights', () => {
    // mlp-adam's dense_1 (128 → 64) and dense_2 (64 → 64) differ in shape; these two do not.
    const model = buildModel(
      {
        inputShape: [16],
        layers: [
          { type: 'dense', units: 16, activation: 'relu' },
          { type: 'dense', units: 16, activation: 'relu' },
          { type: 'dense', units: 10, activation: 'softmax' },
        ],
        optimizer: { name: 'sgd' },
        loss: 'categoricalCrossentropy',
      },
      { seed: 5 },
    );
    const [kernel1, bias1, kernel2] = readWeights(model);
    expect(kernel1).toHaveLength(256);
    expect(kernel1).not.toEqual(kernel2);
    expect(Array.from(bias1 ?? [])).toEqual(new Array(16).fill(0));
    disposeModel(model);
  });

  it('draws glorot-uniform kernels within ±sqrt(6 / (fanIn + fanOut))', () => {
    const model = buildModel(getPreset('mlp-adam'), { seed: 3 });
    const kernel = readWeights(model)[0] ?? new Float32Array();
    const limit = Math.sqrt(6 / (784 + 128));
    expect(Math.max(...kernel)).toBeLessThanOrEqual(limit);
    expect(Math.min(...kernel)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...kernel)).toBeGreaterThan(limit * 0.99);
    disposeModel(model);
  });

  it('compiles with the optimizer, categorical cross-entropy and accuracy', () => {
    const model = buildModel(getPreset('mlp-dropout-rmsprop'), { seed: 1 });
    expect(model.optimizer.getClassName()).toBe('KerasRMSprop');
    expect(model.optimizer.getConfig()).toMatchObject({
      learningRate: 0.001,
      rho: 0.9,
      momentum: 0,
      epsilon: 1e-7,
    });
    expect(model.loss).toBe('categoricalCrossentropy');
    expect(model.metricsNames).toEqual(['loss', 'acc']);
    disposeModel(model);
  });

  it('leaves dropout unseeded unless the spec seeds it', () => {
    const unseeded = buildModel(getPreset('mlp-dropout-rmsprop'), { seed: 1 });
    expect(unseeded.layers[0]?.getConfig().seed).toBeUndefined();
    const spec = getPreset('mlp-dropout-rmsprop');
    spec.layers[0] = { type: 'dropout', rate: 0.2, seed: 9 };
    const seeded = buildModel(spec, { seed: 1 });
    expect(seeded.layers[0]?.getConfig().seed).toBe(9);
    disposeModel(unseeded);
    disposeModel(seeded);
  });

  it('trains one step and frees every tensor afterwards', async () => {
    const before = tf.memory().numTensors;
    const model = buildModel(getPreset('mlp-sgd-momentum'), { seed: 2 });
    const x = tf.randomUniform([8, 784], 0, 1, 'float32', 4);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10));
    const history = await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
    expect(Object.keys(history.history).sort()).toEqual(['acc', 'loss']);
    tf.dispose([x, y]);
    disposeModel(model);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an invalid spec before touching tfjs', () => {
    const before = tf.memory().numTensors;
    expect(() =>
      buildModel({ ...getPreset('mlp-adam'), inputShape: [-1] }, { seed: 1 }),
    ).toThrowError(ModelsError);
    expect(tf.memory().numTensors).toBe(before);
  });
});
