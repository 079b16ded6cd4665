/**
 * Types of a model spec: plain JSON describing a sequential classifier.
 *
 * Two flavours: `...Input` types describe what a person may write (options optional, the
 * notebook's spellings such as `'RMSprop'` allowed); the plain types describe what
 * `validateSpec`/`parseSpec` return — canonical names, every default filled in.
 * Every function taking a spec accepts the input form (the canonical form is assignable to it).
 */

/** Activation functions a layer may use (tfjs-layers identifiers). */
export type Activation =
  | 'linear'
  | 'relu'
  | 'relu6'
  | 'elu'
  | 'selu'
  | 'sigmoid'
  | 'hardSigmoid'
  | 'tanh'
  | 'softmax'
  | 'softplus'
  | 'softsign'
  | 'swish'
  | 'mish'
  | 'gelu';

/** `'valid'` (no padding, Keras' default) or `'same'` (pad so the output keeps the size / stride). */
export type Padding = 'valid' | 'same';

/** A fully connected layer (Keras `Dense`). */
export interface DenseLayerSpec {
  type: 'dense';
  /** Number of output units, a positive integer. */
  units: number;
  /** Activation; Keras' default is `'linear'`. */
  activation: Activation;
  /** Whether to add a bias vector; default `true`. */
  useBias: boolean;
}

/** Dropout (Keras `Dropout`): zeroes a fraction `rate` of its inputs during training. */
export interface DropoutLayerSpec {
  type: 'dropout';
  /** Fraction of inputs to drop, in [0, 1). */
  rate: number;
  /** Fixed seed for the dropout mask; leave it out and the training loop seeds each call. */
  seed?: number;
}

/** Flattens each example to one vector (Keras `Flatten`). */
export interface FlattenLayerSpec {
  type: 'flatten';
}

/** Reshapes each example (Keras `Reshape`); one entry may be -1 (inferred). */
export interface ReshapeLayerSpec {
  type: 'reshape';
  /** The new per-example shape, e.g. `[28, 28, 1]`. */
  targetShape: number[];
}

/** A 2-D convolution over `[height, width, channels]` inputs (Keras `Conv2D`, channels last). */
export interface Conv2dLayerSpec {
  type: 'conv2d';
  /** Number of output channels, a positive integer. */
  filters: number;
  /** Kernel `[height, width]`. */
  kernelSize: [number, number];
  /** Strides `[down, across]`; default `[1, 1]`. */
  strides: [number, number];
  /** Default `'valid'`. */
  padding: Padding;
  /** Default `'linear'`. */
  activation: Activation;
  /** Default `true`. */
  useBias: boolean;
}

/** 2-D max pooling (Keras `MaxPooling2D`). */
export interface MaxPooling2dLayerSpec {
  type: 'maxPooling2d';
  /** Pool window `[height, width]`. */
  poolSize: [number, number];
  /** Strides; default: the pool size. */
  strides: [number, number];
  /** Default `'valid'`. */
  padding: Padding;
}

/** Batch normalisation over the last axis (Keras `BatchNormalization`). */
export interface BatchNormalizationLayerSpec {
  type: 'batchNormalization';
  /** Moving-average momentum; Keras' default 0.99. */
  momentum: number;
  /** Variance epsilon; Keras' default 0.001. */
  epsilon: number;
}

/** One layer of a canonical spec. */
export type LayerSpec =
  | DenseLayerSpec
  | DropoutLayerSpec
  | FlattenLayerSpec
  | ReshapeLayerSpec
  | Conv2dLayerSpec
  | MaxPooling2dLayerSpec
  | BatchNormalizationLayerSpec;

/** The type names a layer may have. */
export type LayerType = LayerSpec['type'];

/** Adam with Keras' defaults: lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7. */
export interface AdamOptimizerSpec {
  name: 'adam';
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** RMSprop with Keras' defaults: lr 0.001, rho 0.9, momentum 0, epsilon 1e-7. */
export interface RmspropOptimizerSpec {
  name: 'rmsprop';
  learningRate: number;
  rho: number;
  momentum: number;
  epsilon: number;
}

/** SGD with Keras' defaults: lr 0.01, momentum 0, nesterov false. */
export interface SgdOptimizerSpec {
  name: 'sgd';
  learningRate: number;
  momentum: number;
  nesterov: boolean;
}

/** A canonical optimizer spec: lower-case name, every option of that optimizer filled in. */
export type OptimizerSpec = AdamOptimizerSpec | RmspropOptimizerSpec | SgdOptimizerSpec;

/** Canonical optimizer names. */
export type OptimizerName = OptimizerSpec['name'];

/** Optimizer names accepted in input, including the notebook's (Keras') spellings. */
export type OptimizerNameInput = OptimizerName | 'Adam' | 'RMSprop' | 'RMSProp' | 'SGD';

/** A canonical model spec, as `validateSpec` and `getPreset` return it. */
export interface ModelSpec {
  /** Short name, e.g. the preset's. */
  name?: string;
  /** One or two sentences for people. */
  description?: string;
  /** Shape of one example, without the batch axis, e.g. `[784]`. */
  inputShape: number[];
  /** The layers, first to last. */
  layers: LayerSpec[];
  optimizer: OptimizerSpec;
  loss: 'categoricalCrossentropy';
}

/** What may be written for a dense layer. */
export interface DenseLayerSpecInput {
  type: 'dense';
  units: number;
  activation?: Activation;
  useBias?: boolean;
}

/** What may be written for a dropout layer. */
export interface DropoutLayerSpecInput {
  type: 'dropout';
  rate: number;
  seed?: number;
}

/** What may be written for a reshape layer. */
export type ReshapeLayerSpecInput = ReshapeLayerSpec;

/** What may be written for a flatten layer. */
export type FlattenLayerSpecInput = FlattenLayerSpec;

/** What may be written for a conv2d layer (sizes may be one number for both axes). */
export interface Conv2dLayerSpecInput {
  type: 'conv2d';
  filters: number;
  kernelSize: number | [number, number];
  strides?: number | [number, number];
  padding?: Padding;
  activation?: Activation;
  useBias?: boolean;
}

/** What may be written for a max-pooling layer. */
export interface MaxPooling2dLayerSpecInput {
  type: 'maxPooling2d';
  poolSize: number | [number, number];
  strides?: number | [number, number];
  padding?: Padding;
}

/** What may be written for a batch-normalisation layer. */
export interface BatchNormalizationLayerSpecInput {
  type: 'batchNormalization';
  momentum?: number;
  epsilon?: number;
}

/** What may be written for a layer. */
export type LayerSpecInput =
  | DenseLayerSpecInput
  | DropoutLayerSpecInput
  | FlattenLayerSpecInput
  | ReshapeLayerSpecInput
  | Conv2dLayerSpecInput
  | MaxPooling2dLayerSpecInput
  | BatchNormalizationLayerSpecInput;

/**
 * What may be written for an optimizer. Only the options of the named optimizer are allowed
 * (adam: learningRate, beta1, beta2, epsilon; rmsprop: learningRate, rho, momentum, epsilon;
 * sgd: learningRate, momentum, nesterov); the others default to Keras' values.
 */
export interface OptimizerSpecInput {
  name: OptimizerNameInput;
  learningRate?: number;
  momentum?: number;
  nesterov?: boolean;
  beta1?: number;
  beta2?: number;
  rho?: number;
  epsilon?: number;
}

/** What may be written for a model spec (a JSON file may also carry `$schema`). */
export interface ModelSpecInput {
  $schema?: string;
  name?: string;
  description?: string;
  inputShape: number[];
  layers: LayerSpecInput[];
  optimizer: OptimizerSpecInput;
  loss: 'categoricalCrossentropy' | 'categorical_crossentropy';
}
