import type { LayerSpec, ModelSpec } from '../spec/model-spec.js';
import { OPTIMIZER_DEFAULTS } from '../spec/optimizer-defaults.js';
import type { PresetName } from './preset-names.js';

const dense = (units: number, activation: 'relu' | 'softmax' = 'relu'): LayerSpec => ({
  type: 'dense',
  units,
  activation,
  useBias: true,
});

/** The notebook's models 1-3 and 5: 784 → 128 → 64 → 64 → 32 → 10. */
const notebookLayers = (): LayerSpec[] => [
  dense(128),
  dense(64),
  dense(64),
  dense(32),
  dense(10, 'softmax'),
];

/** The notebook's model 4: 784 → 128 → 128 → 64 → 64 → 32 → 32 → 10. */
const deepLayers = (): LayerSpec[] => [
  dense(128),
  dense(128),
  dense(64),
  dense(64),
  dense(32),
  dense(32),
  dense(10, 'softmax'),
];

const cnnLayers = (): LayerSpec[] => [
  { type: 'reshape', targetShape: [28, 28, 1] },
  {
    type: 'conv2d',
    filters: 32,
    kernelSize: [3, 3],
    strides: [1, 1],
    padding: 'same',
    activation: 'relu',
    useBias: true,
  },
  { type: 'maxPooling2d', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
  {
    type: 'conv2d',
    filters: 64,
    kernelSize: [3, 3],
    strides: [1, 1],
    padding: 'same',
    activation: 'relu',
    useBias: true,
  },
  { type: 'maxPooling2d', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
  { type: 'flatten' },
  { type: 'dropout', rate: 0.25 },
  dense(128),
  dense(10, 'softmax'),
];

/** Name, description and canonical spec of each preset. Built fresh on every call. */
export function createPresetSpecs(): Record<PresetName, ModelSpec> {
  const base = { inputShape: [784], loss: 'categoricalCrossentropy' } as const;
  const spec = (
    name: PresetName,
    description: string,
    layers: LayerSpec[],
    optimizer: ModelSpec['optimizer'],
  ): ModelSpec => ({
    name,
    description,
    inputShape: [...base.inputShape],
    layers,
    optimizer: { ...optimizer },
    loss: base.loss,
  });
  return {
    'mlp-adam': spec(
      'mlp-adam',
      "The notebook's model 1: dense 784 → 128 → 64 → 64 → 32 → 10 (relu, softmax out), Adam with Keras defaults (lr 0.001).",
      notebookLayers(),
      OPTIMIZER_DEFAULTS.adam,
    ),
    'mlp-rmsprop': spec(
      'mlp-rmsprop',
      "The notebook's model 2: model 1's layers with RMSprop (Keras defaults: lr 0.001, rho 0.9).",
      notebookLayers(),
      OPTIMIZER_DEFAULTS.rmsprop,
    ),
    'mlp-sgd': spec(
      'mlp-sgd',
      "The notebook's model 3: model 1's layers with plain SGD (Keras defaults: lr 0.01, no momentum).",
      notebookLayers(),
      OPTIMIZER_DEFAULTS.sgd,
    ),
    'mlp-deep-sgd': spec(
      'mlp-deep-sgd',
      "The notebook's model 4: dense 784 → 128 → 128 → 64 → 64 → 32 → 32 → 10 with plain SGD (lr 0.01).",
      deepLayers(),
      OPTIMIZER_DEFAULTS.sgd,
    ),
    'mlp-dropout-rmsprop': spec(
      'mlp-dropout-rmsprop',
      "The notebook's model 5: Dropout(0.2) on the input, then model 1's layers, with RMSprop (lr 0.001). The notebook's text calls it SGD, but its code compiles it with 'RMSprop'; this follows the code.",
      [{ type: 'dropout', rate: 0.2 }, ...notebookLayers()],
      OPTIMIZER_DEFAULTS.rmsprop,
    ),
    'mlp-sgd-momentum': spec(
      'mlp-sgd-momentum',
      "The notebook's closing suggestion: model 5's layers (Dropout 0.2 on the input, 784 → 128 → 64 → 64 → 32 → 10) with SGD, momentum 0.9 and lr 0.05. Momentum 0.9 makes the effective step lr / (1 − 0.9) = 0.5, fifty times plain SGD's 0.01, which underfit in the notebook (train accuracy 0.916 after 100 epochs).",
      [{ type: 'dropout', rate: 0.2 }, ...notebookLayers()],
      { name: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: false },
    ),
    cnn: spec(
      'cnn',
      'A small convolutional network: reshape to 28×28×1 → conv 32 3×3 relu (same) → max-pool 2 → conv 64 3×3 relu (same) → max-pool 2 → flatten → dropout 0.25 → dense 128 relu → dense 10 softmax, Adam (lr 0.001). About 8.5 MFLOP per image forward. 93% test accuracy in 15 epochs at batch 64 with the learning rate divided by 10 on a plateau (fmnist train --preset cnn --epochs 15 --batch-size 64 --reduce-lr 2).',
      cnnLayers(),
      OPTIMIZER_DEFAULTS.adam,
    ),
  };
}
