import type { LayerSpec, LayerType, ModelSpec } from './model-spec.js';

/** One row of the Keras-style summary: a layer, its output shape and parameter counts. */
export interface LayerDescription {
  /** Keras-style unique name: `dense`, `dense_1`, `conv2d`, ... (also the tfjs layer name). */
  name: string;
  /** Keras class name: `Dense`, `Conv2D`, ... */
  className: string;
  /** Output shape of one example (no batch axis); empty when it cannot be computed. */
  outputShape: number[];
  trainableParams: number;
  nonTrainableParams: number;
}

const CLASS_NAMES: Record<LayerType, { className: string; baseName: string }> = {
  dense: { className: 'Dense', baseName: 'dense' },
  dropout: { className: 'Dropout', baseName: 'dropout' },
  flatten: { className: 'Flatten', baseName: 'flatten' },
  reshape: { className: 'Reshape', baseName: 'reshape' },
  conv2d: { className: 'Conv2D', baseName: 'conv2d' },
  maxPooling2d: { className: 'MaxPooling2D', baseName: 'max_pooling2d' },
  batchNormalization: { className: 'BatchNormalization', baseName: 'batch_normalization' },
};

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
const formatShape = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** Keras' output length of a window sliding over `size` cells. */
function slide(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/** What to add before a 2-D layer whose input is not [height, width, channels]. */
function suggestImageReshape(shape: readonly number[]): string {
  if (shape.length === 2) {
    return `add { "type": "reshape", "targetShape": [${shape[0]}, ${shape[1]}, 1] } before it`;
  }
  const side = Math.round(Math.sqrt(product(shape)));
  if (shape.length === 1 && side * side === shape[0]) {
    return `add { "type": "reshape", "targetShape": [${side}, ${side}, 1] } before it`;
  }
  return 'add a reshape layer to [height, width, channels] before it';
}

function describeOne(
  layer: LayerSpec,
  input: number[],
  where: string,
  errors: string[],
): { outputShape: number[]; trainable: number; nonTrainable: number } {
  switch (layer.type) {
    case 'dense': {
      const last = input[input.length - 1] ?? 0;
      const outputShape = [...input.slice(0, -1), layer.units];
      const trainable = last * layer.units + (layer.useBias ? layer.units : 0);
      return { outputShape, trainable, nonTrainable: 0 };
    }
    case 'dropout':
      return { outputShape: input, trainable: 0, nonTrainable: 0 };
    case 'flatten':
      return { outputShape: [product(input)], trainable: 0, nonTrainable: 0 };
    case 'reshape': {
      const size = product(input);
      const unknowns = layer.targetShape.filter((d) => d === -1).length;
      const known = product(layer.targetShape.filter((d) => d !== -1));
      if (unknowns > 1) {
        errors.push(
          `${where}.targetShape may contain -1 once, got ${formatShape(layer.targetShape)}`,
        );
        return { outputShape: [], trainable: 0, nonTrainable: 0 };
      }
      if (unknowns === 1 ? size % known !== 0 : known !== size) {
        errors.push(
          `${where}.targetShape ${formatShape(layer.targetShape)} must hold the ${size} values of its input ${formatShape(input)}: choose dimensions whose product is ${size}`,
        );
        return { outputShape: [], trainable: 0, nonTrainable: 0 };
      }
      const outputShape = layer.targetShape.map((d) => (d === -1 ? size / known : d));
      return { outputShape, trainable: 0, nonTrainable: 0 };
    }
    case 'conv2d':
    case 'maxPooling2d': {
      if (input.length !== 3) {
        errors.push(
          `${where} (${layer.type}) needs a 3-D input [height, width, channels], got ${formatShape(input)}: ${suggestImageReshape(input)}`,
        );
        return { outputShape: [], trainable: 0, nonTrainable: 0 };
      }
      const [height = 0, width = 0, channels = 0] = input;
      const window = layer.type === 'conv2d' ? layer.kernelSize : layer.poolSize;
      const outHeight = slide(height, window[0], layer.strides[0], layer.padding);
      const outWidth = slide(width, window[1], layer.strides[1], layer.padding);
      const depth = layer.type === 'conv2d' ? layer.filters : channels;
      if (outHeight < 1 || outWidth < 1) {
        const field = layer.type === 'conv2d' ? 'kernelSize' : 'poolSize';
        errors.push(
          `${where}.${field} ${formatShape(window)} does not fit its input ${formatShape(input)}: use a smaller window, padding "same", or fewer pooling layers before it`,
        );
        return { outputShape: [], trainable: 0, nonTrainable: 0 };
      }
      const trainable =
        layer.type === 'conv2d'
          ? window[0] * window[1] * channels * layer.filters + (layer.useBias ? layer.filters : 0)
          : 0;
      return { outputShape: [outHeight, outWidth, depth], trainable, nonTrainable: 0 };
    }
    case 'batchNormalization': {
      const features = input[input.length - 1] ?? 0;
      // gamma and beta learn; the moving mean and variance do not.
      return { outputShape: input, trainable: 2 * features, nonTrainable: 2 * features };
    }
  }
}

/**
 * Walks the layers of a structurally valid spec: Keras-style names, output shapes and parameter
 * counts, plus every error in the sequence (a 2-D layer on a flat input, a reshape that does not
 * fit, an output that is not one probability vector per example).
 */
export function describeLayers(spec: ModelSpec): { layers: LayerDescription[]; errors: string[] } {
  const errors: string[] = [];
  const layers: LayerDescription[] = [];
  const counters = new Map<string, number>();
  let shape: number[] = spec.inputShape;
  spec.layers.forEach((layer, index) => {
    const where = `layers[${index}]`;
    const { className, baseName } = CLASS_NAMES[layer.type];
    const seen = counters.get(baseName) ?? 0;
    counters.set(baseName, seen + 1);
    const name = seen === 0 ? baseName : `${baseName}_${seen}`;
    if (shape.length === 0) {
      layers.push({ name, className, outputShape: [], trainableParams: 0, nonTrainableParams: 0 });
      return;
    }
    const result = describeOne(layer, shape, where, errors);
    shape = result.outputShape;
    layers.push({
      name,
      className,
      outputShape: result.outputShape,
      trainableParams: result.trainable,
      nonTrainableParams: result.nonTrainable,
    });
  });
  const lastIndex = spec.layers.length - 1;
  const last = spec.layers[lastIndex];
  if (errors.length === 0 && shape.length > 1) {
    errors.push(
      `layers[${lastIndex}] outputs ${formatShape(shape)} per example, but categorical cross-entropy needs one vector of class probabilities: add { "type": "flatten" } before the first dense layer`,
    );
  }
  if (last !== undefined && (last.type !== 'dense' || last.activation !== 'softmax')) {
    const found =
      last.type === 'dense'
        ? `activation ${JSON.stringify(last.activation)}`
        : `a ${last.type} layer`;
    errors.push(
      `layers[${lastIndex}] must be a dense layer with activation "softmax" (categorical cross-entropy expects class probabilities), got ${found}: end with { "type": "dense", "units": <classes>, "activation": "softmax" }`,
    );
  }
  return { layers, errors };
}
