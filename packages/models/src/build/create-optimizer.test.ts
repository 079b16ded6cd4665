import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ModelsError } from '../errors/models-error.js';
import { createOptimizer } from './create-optimizer.js';

describe('createOptimizer', () => {
  it.each([
    [{ name: 'Adam' }, 'KerasAdam', { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }],
    [
      { name: 'RMSprop', learningRate: 0.01 },
      'KerasRMSprop',
      { learningRate: 0.01, rho: 0.9, momentum: 0, epsilon: 1e-7 },
    ],
    [{ name: 'SGD' }, 'KerasSGD', { learningRate: 0.01, momentum: 0, nesterov: false }],
    [
      { name: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true },
      'KerasSGD',
      { learningRate: 0.05, momentum: 0.9, nesterov: true },
    ],
  ] as const)('builds %o as our %s with Keras defaults, serialisable', (spec, className, config) => {
    const optimizer = createOptimizer(spec);
    expect(optimizer.getClassName()).toBe(className);
    expect(optimizer.getConfig()).toEqual(config);
    // Registered, so tfjs-layers can rebuild it from a model.json's training config.
    const copy = tf.serialization.SerializationMap.getMap().classNameMap[className];
    expect(copy).toBeDefined();
    const [cls, fromConfig] = copy as NonNullable<typeof copy>;
    const rebuilt = fromConfig(cls, optimizer.getConfig());
    expect(rebuilt.getConfig()).toEqual(config);
    (rebuilt as tf.Optimizer).dispose();
    optimizer.dispose();
  });

  it('frees all its tensors on dispose', () => {
    const before = tf.memory().numTensors;
    for (const name of ['adam', 'rmsprop', 'sgd'] as const) {
      // `momentum: undefined` counts as left out, as in JSON.
      createOptimizer({ name, momentum: name === 'adam' ? undefined : 0.5 }).dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports optimizer faults with their path', () => {
    expect(() => createOptimizer({ name: 'adam', beta1: 1.5 })).toThrowError(
      /invalid optimizer spec \(1 error\)[\s\S]*optimizer\.beta1 must be a number in \[0, 1\), got 1\.5/,
    );
    try {
      createOptimizer({ name: 'adam', learningRate: 0 });
    } catch (error) {
      expect(ModelsError.isInstance(error) && error.issues).toEqual([
        'optimizer.learningRate must be a positive finite number, got 0',
      ]);
    }
  });
});
