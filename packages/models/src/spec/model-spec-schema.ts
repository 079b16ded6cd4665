import { z } from 'zod';
import { formatValue } from '../util/format-value.js';
import { OPTIMIZER_DEFAULTS } from './optimizer-defaults.js';

// Messages carry the offending value so that `layers[2].units must be a positive integer, got -3`
// needs no second lookup; the path is prefixed by the formatter.
const got = (issue: { input?: unknown }): string => `got ${formatValue(issue.input)}`;

const positiveInteger = (what = 'a positive integer') => {
  const error = (issue: { input?: unknown }) => `must be ${what}, ${got(issue)}`;
  return z.number({ error }).int({ error }).positive({ error }).max(1_000_000_000, { error });
};

const positiveNumber = () => {
  const error = (issue: { input?: unknown }) => `must be a positive finite number, ${got(issue)}`;
  return z.number({ error }).positive({ error }).finite({ error });
};

/** A number in [0, 1) — Keras' range for rates, betas, rho and momentum. */
const unitFraction = () => {
  const error = (issue: { input?: unknown }) => `must be a number in [0, 1), ${got(issue)}`;
  return z.number({ error }).min(0, { error }).lt(1, { error });
};

const sizePair = (what: string) => {
  const error = (issue: { input?: unknown }) =>
    `must be a positive integer or a pair of them ([height, width]), ${got(issue)}`;
  return z
    .union([positiveInteger(), z.tuple([positiveInteger(), positiveInteger()])], { error })
    .describe(what);
};

const ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'selu',
  'sigmoid',
  'hardSigmoid',
  'tanh',
  'softmax',
  'softplus',
  'softsign',
  'swish',
  'mish',
  'gelu',
] as const;

const activation = z.enum(ACTIVATIONS).describe('Activation function (tfjs-layers identifier).');
const padding = z
  .enum(['valid', 'same'])
  .describe("'valid': no padding; 'same': pad so the output size is input size / stride.");

const denseLayer = z
  .strictObject({
    type: z.literal('dense'),
    units: positiveInteger().describe('Number of output units.'),
    activation: activation.default('linear'),
    useBias: z.boolean().default(true).describe('Whether to add a bias vector.'),
  })
  .describe('Fully connected layer (Keras Dense). Kernel glorot-uniform, bias zeros.');

const dropoutLayer = z
  .strictObject({
    type: z.literal('dropout'),
    rate: unitFraction().describe('Fraction of the inputs to drop during training, in [0, 1).'),
    seed: z
      .number()
      .int()
      .optional()
      .describe('Fixed seed for the dropout mask; leave it out to let the training loop seed it.'),
  })
  .describe('Dropout (Keras Dropout).');

const flattenLayer = z
  .strictObject({ type: z.literal('flatten') })
  .describe('Flattens each example to one vector (Keras Flatten).');

const reshapeLayer = z
  .strictObject({
    type: z.literal('reshape'),
    targetShape: z
      .array(
        z.number().refine((n) => n === -1 || (Number.isInteger(n) && n > 0), {
          error: (issue) => `must be a positive integer or -1 (inferred), ${got(issue)}`,
        }),
      )
      .min(1, { error: (issue) => `must list at least one dimension, ${got(issue)}` })
      .describe('The new shape of one example, e.g. [28, 28, 1]; one entry may be -1.'),
  })
  .describe('Reshapes each example (Keras Reshape).');

const conv2dLayer = z
  .strictObject({
    type: z.literal('conv2d'),
    filters: positiveInteger().describe('Number of output channels.'),
    kernelSize: sizePair('Kernel size: n for n×n, or [height, width].'),
    strides: sizePair('Strides: n, or [down, across]. Default 1.').default(1),
    padding: padding.default('valid'),
    activation: activation.default('linear'),
    useBias: z.boolean().default(true).describe('Whether to add a bias vector.'),
  })
  .describe(
    '2-D convolution over [height, width, channels] (Keras Conv2D, channels last). Kernel glorot-uniform, bias zeros.',
  );

const maxPooling2dLayer = z
  .strictObject({
    type: z.literal('maxPooling2d'),
    poolSize: sizePair('Pool window: n for n×n, or [height, width].'),
    strides: sizePair('Strides; default: the pool size.').optional(),
    padding: padding.default('valid'),
  })
  .describe('2-D max pooling (Keras MaxPooling2D).');

const batchNormalizationLayer = z
  .strictObject({
    type: z.literal('batchNormalization'),
    momentum: unitFraction().default(0.99).describe('Moving-average momentum (Keras: 0.99).'),
    epsilon: positiveNumber().default(0.001).describe('Variance epsilon (Keras: 0.001).'),
  })
  .describe('Batch normalisation over the last axis (Keras BatchNormalization).');

/** The layer schemas by type; the keys are the layer type names. */
export const LAYER_SCHEMAS = {
  dense: denseLayer,
  dropout: dropoutLayer,
  flatten: flattenLayer,
  reshape: reshapeLayer,
  conv2d: conv2dLayer,
  maxPooling2d: maxPooling2dLayer,
  batchNormalization: batchNormalizationLayer,
} as const;

const learningRate = (value: number) =>
  positiveNumber().default(value).describe(`Learning rate (Keras default ${value}).`);
const epsilon = positiveNumber()
  .default(1e-7)
  .describe('Numerical-stability epsilon (Keras: 1e-7).');

const adamOptimizer = z
  .strictObject({
    name: z.enum(['adam', 'Adam']),
    learningRate: learningRate(OPTIMIZER_DEFAULTS.adam.learningRate),
    beta1: unitFraction().default(0.9).describe('Decay of the first-moment estimate (Keras: 0.9).'),
    beta2: unitFraction()
      .default(0.999)
      .describe('Decay of the second-moment estimate (Keras: 0.999).'),
    epsilon,
  })
  .describe('Adam with Keras defaults.');

const rmspropOptimizer = z
  .strictObject({
    name: z.enum(['rmsprop', 'RMSprop', 'RMSProp']),
    learningRate: learningRate(OPTIMIZER_DEFAULTS.rmsprop.learningRate),
    rho: unitFraction()
      .default(0.9)
      .describe('Decay of the squared-gradient average (Keras: 0.9).'),
    momentum: unitFraction().default(0).describe('Momentum (Keras: 0).'),
    epsilon,
  })
  .describe('RMSprop with Keras defaults.');

const sgdOptimizer = z
  .strictObject({
    name: z.enum(['sgd', 'SGD']),
    learningRate: learningRate(OPTIMIZER_DEFAULTS.sgd.learningRate),
    momentum: unitFraction().default(0).describe('Momentum (Keras: 0).'),
    nesterov: z.boolean().default(false).describe('Nesterov momentum (Keras: false).'),
  })
  .describe('Stochastic gradient descent (with optional momentum) with Keras defaults.');

/** The optimizer schemas by canonical name. */
export const OPTIMIZER_SCHEMAS = {
  adam: adamOptimizer,
  rmsprop: rmspropOptimizer,
  sgd: sgdOptimizer,
} as const;

/** The zod schema of a model spec as a person writes it (the JSON Schema file is made from it). */
export const modelSpecSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    name: z.string().optional().describe('Short name of the model.'),
    description: z.string().optional().describe('What the model is, for people.'),
    inputShape: z
      .array(positiveInteger())
      .min(1, { error: (issue) => `must list at least one dimension, ${got(issue)}` })
      .describe('Shape of one example without the batch axis, e.g. [784].'),
    layers: z
      .array(
        z.discriminatedUnion('type', [
          denseLayer,
          dropoutLayer,
          flattenLayer,
          reshapeLayer,
          conv2dLayer,
          maxPooling2dLayer,
          batchNormalizationLayer,
        ]),
      )
      .min(1, { error: () => 'must list at least one layer, got none' })
      .describe('The layers, first to last; the last is a dense softmax layer.'),
    optimizer: z.discriminatedUnion('name', [adamOptimizer, rmspropOptimizer, sgdOptimizer]),
    loss: z
      .enum(['categoricalCrossentropy', 'categorical_crossentropy'])
      .describe('Loss; categorical cross-entropy on one-hot labels.'),
  })
  .describe('A sequential Fashion-MNIST classifier for @fmnist/models.');

/** What the zod schema outputs (defaults filled, names not yet canonical). */
export type ParsedModelSpec = z.output<typeof modelSpecSchema>;
