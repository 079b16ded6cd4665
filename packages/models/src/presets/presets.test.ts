import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../build/build-model.js';
import { disposeModel } from '../build/dispose-model.js';
import { ModelsError } from '../errors/models-error.js';
import { validateSpec } from '../spec/validate-spec.js';
import { countParameters } from '../summary/count-parameters.js';
import { getPreset } from './get-preset.js';
import { listPresets } from './list-presets.js';
import { PRESET_NAMES } from './preset-names.js';

/** weights + biases of a dense layer */
const dense = (inputs: number, units: number) => inputs * units + units;
/** kernel + biases of a conv layer */
const conv = (kernel: number, channels: number, filters: number) =>
  kernel * kernel * channels * filters + filters;

// Hand counts, layer by layer.
const NOTEBOOK_MLP =
  dense(784, 128) + // 100,480
  dense(128, 64) + //     8,256
  dense(64, 64) + //      4,160
  dense(64, 32) + //      2,080
  dense(32, 10); //         330  → 115,306
const DEEP_MLP =
  dense(784, 128) + // 100,480
  dense(128, 128) + //   16,512
  dense(128, 64) + //     8,256
  dense(64, 64) + //      4,160
  dense(64, 32) + //      2,080
  dense(32, 32) + //      1,056
  dense(32, 10); //         330  → 132,874
const CNN =
  conv(3, 1, 32) + //        320 (28×28×32, same padding)
  conv(3, 32, 64) + //    18,496 (after pool: 14×14×32 → 14×14×64)
  dense(7 * 7 * 64, 128) + // 401,536 (after pool: 7×7×64 = 3,136)
  dense(128, 10); //       1,290  → 421,642

const HAND_COUNTS: Record<string, number> = {
  'mlp-adam': NOTEBOOK_MLP,
  'mlp-rmsprop': NOTEBOOK_MLP,
  'mlp-sgd': NOTEBOOK_MLP,
  'mlp-deep-sgd': DEEP_MLP,
  'mlp-dropout-rmsprop': NOTEBOOK_MLP,
  'mlp-sgd-momentum': NOTEBOOK_MLP,
  cnn: CNN,
};

describe('presets', () => {
  it('has the hand-counted totals', () => {
    expect(NOTEBOOK_MLP).toBe(115_306);
    expect(DEEP_MLP).toBe(132_874);
    expect(CNN).toBe(421_642);
    expect(listPresets().map((p) => [p.name, p.parameters])).toEqual(
      PRESET_NAMES.map((name) => [name, HAND_COUNTS[name]]),
    );
  });

  it.each(PRESET_NAMES)('%s is a valid canonical spec', (name) => {
    const spec = getPreset(name);
    expect(validateSpec(spec)).toEqual({ ok: true, spec });
    expect(spec.name).toBe(name);
  });

  it.each(PRESET_NAMES)(
    '%s builds with the hand-counted parameters and predicts [batch, 10]',
    (name) => {
      const before = tf.memory().numTensors;
      const model = buildModel(getPreset(name), { seed: 7 });
      expect(model.countParams()).toBe(HAND_COUNTS[name]);
      expect(countParameters(getPreset(name))).toBe(HAND_COUNTS[name]);
      const probabilities = tf.tidy(() => {
        const output = model.predict(tf.randomUniform([3, 784], 0, 1, 'float32', 1)) as tf.Tensor;
        expect(output.shape).toEqual([3, 10]);
        return output.sum(1).arraySync() as number[];
      });
      for (const total of probabilities) expect(total).toBeCloseTo(1, 5);
      disposeModel(model);
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('follows the notebook: optimizers and model 5', () => {
    expect(getPreset('mlp-adam').optimizer).toEqual({
      name: 'adam',
      learningRate: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
    });
    expect(getPreset('mlp-sgd').optimizer).toEqual({
      name: 'sgd',
      learningRate: 0.01,
      momentum: 0,
      nesterov: false,
    });
    const model5 = getPreset('mlp-dropout-rmsprop');
    expect(model5.optimizer.name).toBe('rmsprop');
    expect(model5.layers[0]).toEqual({ type: 'dropout', rate: 0.2 });
    expect(model5.layers.slice(1)).toEqual(getPreset('mlp-adam').layers);
    expect(model5.description).toMatch(/text calls it SGD/);
    expect(getPreset('mlp-sgd-momentum').optimizer).toMatchObject({ name: 'sgd', momentum: 0.9 });
  });

  it('keeps the cnn within 20 MFLOP per image forward', () => {
    // multiply-adds per image: conv1 28·28·32·9, conv2 14·14·64·(9·32), dense 3136·128, 128·10
    const macs = 28 * 28 * 32 * 9 + 14 * 14 * 64 * 9 * 32 + 3136 * 128 + 128 * 10;
    expect(2 * macs).toBeLessThan(20e6);
    const cnn = getPreset('cnn');
    expect(cnn.layers.map((l) => l.type)).toEqual([
      'reshape',
      'conv2d',
      'maxPooling2d',
      'conv2d',
      'maxPooling2d',
      'flatten',
      'dropout',
      'dense',
      'dense',
    ]);
  });

  it('returns fresh copies', () => {
    const a = getPreset('mlp-adam');
    a.layers.length = 0;
    expect(getPreset('mlp-adam').layers).toHaveLength(5);
  });

  it('names the valid presets, with a did-you-mean, for an unknown name', () => {
    expect(() => getPreset('mlp-adm')).toThrowError(
      'unknown preset "mlp-adm" (did you mean "mlp-adam"?): expected one of mlp-adam, mlp-rmsprop, mlp-sgd, mlp-deep-sgd, mlp-dropout-rmsprop, mlp-sgd-momentum, cnn',
    );
    try {
      getPreset('nope');
    } catch (error) {
      expect(ModelsError.isInstance(error) && error.code).toBe('UNKNOWN_PRESET');
    }
  });
});
