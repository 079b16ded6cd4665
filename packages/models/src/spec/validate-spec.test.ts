import { describe, expect, it } from 'vitest';
import { ModelsError } from '../errors/models-error.js';
import { parseSpec } from './parse-spec.js';
import { validateSpec } from './validate-spec.js';

const valid = () => ({
  inputShape: [784],
  layers: [
    { type: 'dense', units: 128, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  optimizer: { name: 'adam' },
  loss: 'categoricalCrossentropy',
});

type Mutable = Record<string, unknown> & { layers: Record<string, unknown>[] };
const broken = (edit: (spec: Mutable) => void): unknown => {
  const spec = valid() as unknown as Mutable;
  edit(spec);
  return spec;
};

const errorsOf = (json: unknown): string[] => {
  const result = validateSpec(json);
  if (result.ok) throw new Error('expected the spec to be invalid');
  return result.errors;
};

describe('validateSpec', () => {
  const dense = (units: number) => ({ type: 'dense', units, activation: 'relu' });
  const out = { type: 'dense', units: 10, activation: 'softmax' };
  const spec = (layers: unknown[]) => ({
    inputShape: [784],
    layers,
    optimizer: { name: 'adam' },
    loss: 'categoricalCrossentropy',
  });

  it('refuses more than 1000 layers and more than 100 million parameters', () => {
    const many = validateSpec(spec([...Array.from({ length: 1000 }, () => dense(2)), out]));
    expect(many).toEqual({ ok: false, errors: [expect.stringMatching(/at most 1000/)] });
    const huge = validateSpec(spec([dense(1_000_000_000), out]));
    expect(huge).toEqual({
      ok: false,
      errors: [expect.stringMatching(/has 795,000,000,010 parameters .* at most 100,000,000/)],
    });
    expect(validateSpec(spec([dense(100_000), out])).ok).toBe(true);
  });

  it('refuses a spec nested 100_000 levels deep with a depth limit, not a stack overflow', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const result = validateSpec({ inputShape: [784], layers: deep, optimizer: { name: 'adam' } });
    expect(result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/more than 64 levels deep/)],
    });
    expect(() => parseSpec({ layers: [], x: deep })).toThrow(ModelsError);
  });

  it('fills in Keras defaults and canonical names', () => {
    const result = validateSpec({
      ...valid(),
      layers: [
        { type: 'reshape', targetShape: [28, 28, 1] },
        { type: 'conv2d', filters: 8, kernelSize: 3 },
        { type: 'maxPooling2d', poolSize: 2 },
        { type: 'batchNormalization' },
        { type: 'flatten' },
        { type: 'dropout', rate: 0.5 },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
      optimizer: { name: 'RMSprop' },
      loss: 'categorical_crossentropy',
    });
    expect(result).toEqual({
      ok: true,
      spec: {
        inputShape: [784],
        layers: [
          { type: 'reshape', targetShape: [28, 28, 1] },
          {
            type: 'conv2d',
            filters: 8,
            kernelSize: [3, 3],
            strides: [1, 1],
            padding: 'valid',
            activation: 'linear',
            useBias: true,
          },
          { type: 'maxPooling2d', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
          { type: 'batchNormalization', momentum: 0.99, epsilon: 0.001 },
          { type: 'flatten' },
          { type: 'dropout', rate: 0.5 },
          { type: 'dense', units: 10, activation: 'softmax', useBias: true },
        ],
        optimizer: { name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 },
        loss: 'categoricalCrossentropy',
      },
    });
  });

  it.each([
    ['Adam', { name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }],
    ['SGD', { name: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false }],
    ['sgd', { name: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false }],
  ])('accepts optimizer %s with Keras defaults', (name, expected) => {
    const result = validateSpec({ ...valid(), optimizer: { name } });
    expect(result.ok && result.spec.optimizer).toEqual(expected);
  });

  it('accepts a $schema key and keeps name and description', () => {
    const result = validateSpec({ ...valid(), $schema: './x.json', name: 'n', description: 'd' });
    expect(result.ok && [result.spec.name, result.spec.description]).toEqual(['n', 'd']);
    expect(result.ok && '$schema' in result.spec).toBe(false);
  });

  // Ten broken specs, ten path-precise messages.
  it.each<[string, unknown, string]>([
    [
      'negative units',
      broken((s) => {
        s.layers.splice(1, 0, { type: 'dense', units: 64, activation: 'relu' });
        s.layers.splice(2, 0, { type: 'dense', units: -3, activation: 'relu' });
      }),
      'layers[2].units must be a positive integer, got -3',
    ],
    [
      'fractional filters',
      broken((s) => {
        s.layers.unshift({ type: 'reshape', targetShape: [28, 28, 1] });
        s.layers.splice(1, 0, { type: 'conv2d', filters: 2.5, kernelSize: 3 }, { type: 'flatten' });
      }),
      'layers[1].filters must be a positive integer, got 2.5',
    ],
    [
      'dropout rate 1',
      broken((s) => {
        s.layers.unshift({ type: 'dropout', rate: 1 });
      }),
      'layers[0].rate must be a number in [0, 1), got 1',
    ],
    [
      'misspelt layer type',
      broken((s) => {
        s.layers[0] = { type: 'dens', units: 128 };
      }),
      'layers[0].type must be one of "dense", "dropout", "flatten", "reshape", "conv2d", "maxPooling2d", "batchNormalization", got "dens" (did you mean "dense"?)',
    ],
    [
      'misspelt option',
      broken((s) => {
        s.layers[1] = { type: 'dense', unit: 10, units: 10, activation: 'softmax' };
      }),
      'layers[1] has unknown option "unit" (did you mean "units"?): a dense layer takes type, units, activation, useBias',
    ],
    [
      'unknown activation',
      broken((s) => {
        s.layers[0] = { type: 'dense', units: 128, activation: 'rellu' };
      }),
      'layers[0].activation must be one of "linear", "relu", "relu6", "elu", "selu", "sigmoid", "hardSigmoid", "tanh", "softmax", "softplus", "softsign", "swish", "mish", "gelu", got "rellu" (did you mean "relu"?)',
    ],
    [
      'option of another optimizer',
      broken((s) => {
        s.optimizer = { name: 'sgd', beta1: 0.9 };
      }),
      'optimizer has unknown option "beta1": sgd takes name, learningRate, momentum, nesterov',
    ],
    [
      'negative learning rate',
      broken((s) => {
        s.optimizer = { name: 'RMSprop', learningRate: -0.1 };
      }),
      'optimizer.learningRate must be a positive finite number, got -0.1',
    ],
    [
      'conv2d on a flat input',
      broken((s) => {
        s.layers.unshift({ type: 'conv2d', filters: 8, kernelSize: 3 }, { type: 'flatten' });
      }),
      'layers[0] (conv2d) needs a 3-D input [height, width, channels], got [784]: add { "type": "reshape", "targetShape": [28, 28, 1] } before it',
    ],
    [
      'reshape that does not fit',
      broken((s) => {
        s.layers.unshift({ type: 'reshape', targetShape: [28, 27, 1] }, { type: 'flatten' });
      }),
      'layers[0].targetShape [28, 27, 1] must hold the 784 values of its input [784]: choose dimensions whose product is 784',
    ],
  ])('reports %s with its path', (_label, json, message) => {
    expect(errorsOf(json)).toEqual([message]);
  });

  it('reports missing fields, wrong types and a missing loss together', () => {
    expect(
      errorsOf({ inputShape: '784', layers: [{ type: 'dense' }], optimizer: { name: 'adamw' } }),
    ).toEqual([
      'inputShape must be an array, got "784"',
      'layers[0].units is missing: it must be a positive integer',
      'optimizer.name must be one of "adam", "Adam", "rmsprop", "RMSprop", "RMSProp", "sgd", "SGD", got "adamw" (did you mean "adam"?)',
      'loss is missing: it must be one of "categoricalCrossentropy", "categorical_crossentropy"',
    ]);
  });

  it('reports a non-object spec', () => {
    expect(errorsOf(42)).toEqual(['spec must be an object, got 42']);
  });

  it('asks for a softmax output and a flat output', () => {
    expect(
      errorsOf({
        ...valid(),
        inputShape: [28, 28],
        layers: [{ type: 'dense', units: 10, activation: 'relu' }],
      }),
    ).toEqual([
      'layers[0] outputs [28, 10] per example, but categorical cross-entropy needs one vector of class probabilities: add { "type": "flatten" } before the first dense layer',
      'layers[0] must be a dense layer with activation "softmax" (categorical cross-entropy expects class probabilities), got activation "relu": end with { "type": "dense", "units": <classes>, "activation": "softmax" }',
    ]);
  });

  it('accepts dense on a 3-D input when a flatten follows (as Keras does)', () => {
    const result = validateSpec({
      ...valid(),
      inputShape: [28, 28],
      layers: [
        { type: 'dense', units: 4, activation: 'relu' },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('says when a window does not fit its input', () => {
    expect(
      errorsOf({
        ...valid(),
        inputShape: [4, 4, 1],
        layers: [
          { type: 'maxPooling2d', poolSize: 2 },
          { type: 'maxPooling2d', poolSize: 2 },
          { type: 'conv2d', filters: 2, kernelSize: 3 },
          { type: 'flatten' },
          { type: 'dense', units: 10, activation: 'softmax' },
        ],
      }),
    ).toEqual([
      'layers[2].kernelSize [3, 3] does not fit its input [1, 1, 1]: use a smaller window, padding "same", or fewer pooling layers before it',
    ]);
  });
});

describe('parseSpec', () => {
  it('returns the canonical spec', () => {
    expect(parseSpec(valid()).optimizer.name).toBe('adam');
  });

  it('throws INVALID_SPEC listing every error', () => {
    const json = broken((s) => {
      s.inputShape = [0];
      s.layers[0] = { type: 'dense', units: -3, activation: 'relu' };
    });
    let caught: unknown;
    try {
      parseSpec(json);
    } catch (error) {
      caught = error;
    }
    expect(ModelsError.isInstance(caught)).toBe(true);
    const error = caught as ModelsError;
    expect(error.code).toBe('INVALID_SPEC');
    expect(error.issues).toEqual([
      'inputShape[0] must be a positive integer, got 0',
      'layers[0].units must be a positive integer, got -3',
    ]);
    expect(error.message).toContain('invalid model spec (2 errors)');
    expect(error.message).toContain('  - layers[0].units must be a positive integer, got -3');
  });
});
