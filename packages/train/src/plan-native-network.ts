import type { ModelSpec } from '@fmnist/models';

/** Layer kinds, activations and optimizers as @fmnist/openblas' network numbers them. */
export const LAYER = { dense: 1, conv2d: 2, maxPooling2d: 3, dropout: 4 } as const;
const ACTIVATION = { linear: 0, relu: 1, softmax: 2 } as const;
/** Optimizer numbers of @fmnist/openblas' network (its NETWORK_OPTIMIZERS). */
export const NATIVE_OPTIMIZERS = {
  sgd: 0,
  momentum: 1,
  nesterov: 2,
  adam: 3,
  rmsprop: 4,
  rmspropMomentum: 5,
  none: 6,
} as const;
const DESC_INTS = 12;

/** A spec the native step runs: its description for `createNetwork`, and where dropout layers are. */
export interface NativeNetworkPlan {
  desc: Int32Array;
  rates: Float64Array;
  optimizer: (typeof NATIVE_OPTIMIZERS)[keyof typeof NATIVE_OPTIMIZERS];
  /** [beta1, beta2, epsilon, rho, momentum]. */
  hyper: Float64Array;
  /** Indices (in the spec's layers, = the tfjs model's layers) of the dropout layers, in order. */
  dropoutLayers: number[];
  /** Optimizer slots per parameter: 0 (SGD), 1 (momentum, RMSprop) or 2 (Adam, RMSprop with momentum). */
  slots: 0 | 1 | 2;
  /** Pixels per example the network reads. */
  inputSize: number;
  /** Whether it has a convolution (its products are large enough for several threads). */
  convolutional: boolean;
}

/**
 * The native step's plan for a spec, or why it cannot run it (then training falls back to the
 * tfjs step, and the record says why). It runs sequential networks of dense layers (relu or
 * linear, softmax last), dropout, flatten/reshape, 2-D convolutions with stride 1 ('same' or
 * 'valid', relu or linear) and max pooling whose stride is its window (padding 'valid'), trained
 * with Adam, RMSprop (with or without momentum) or SGD (with or without momentum or Nesterov).
 */
export function planNativeNetwork(
  spec: ModelSpec,
): { ok: true; plan: NativeNetworkPlan } | { ok: false; reason: string } {
  const no = (reason: string) => ({ ok: false as const, reason });
  let shape = [...spec.inputShape];
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  const inputSize = size(shape);
  const desc: number[] = [];
  const rates: number[] = [];
  const dropoutLayers: number[] = [];
  let convolutional = false;
  const last = spec.layers.length - 1;
  for (const [index, layer] of spec.layers.entries()) {
    const where = `layer ${index + 1} (${layer.type})`;
    const push = (
      kind: number,
      inShape: number[],
      outShape: number[],
      rest: number[],
      rate = 0,
    ) => {
      const [ih = 1, iw = 1, ic = 1] = inShape.length === 3 ? inShape : [1, 1, size(inShape)];
      const [oh = 1, ow = 1, oc = 1] = outShape.length === 3 ? outShape : [1, 1, size(outShape)];
      desc.push(kind, ih, iw, ic, oh, ow, oc, ...rest);
      rates.push(rate);
    };
    switch (layer.type) {
      case 'dense': {
        if (shape.length !== 1) return no(`${where}: a dense layer on a ${shape.length}-D input`);
        if (!layer.useBias) return no(`${where}: a dense layer without bias`);
        const act = layer.activation;
        if (act !== 'softmax' && act !== 'relu' && act !== 'linear') {
          return no(
            `${where}: activation ${act} (the native step has relu and linear, softmax last)`,
          );
        }
        if (act === 'softmax' && index !== last)
          return no(`${where}: softmax before the last layer`);
        push(LAYER.dense, shape, [layer.units], [ACTIVATION[act], 0, 0, 0, 0]);
        shape = [layer.units];
        break;
      }
      case 'dropout':
        dropoutLayers.push(index);
        push(LAYER.dropout, shape, shape, [0, 0, 0, 0, 0], layer.rate);
        break;
      case 'flatten':
        shape = [size(shape)];
        break;
      case 'reshape': {
        const target = [...layer.targetShape];
        const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
        const inferred = target.map((d) => (d === -1 ? size(shape) / known : d));
        if (size(inferred) !== size(shape)) return no(`${where}: sizes do not match`);
        shape = inferred;
        break;
      }
      case 'conv2d': {
        if (shape.length !== 3) return no(`${where}: a convolution on a ${shape.length}-D input`);
        if (layer.strides[0] !== 1 || layer.strides[1] !== 1)
          return no(`${where}: stride other than 1`);
        if (!layer.useBias) return no(`${where}: a convolution without bias`);
        if (layer.activation !== 'relu' && layer.activation !== 'linear') {
          return no(`${where}: activation ${layer.activation}`);
        }
        const [kh, kw] = layer.kernelSize;
        const [ih = 0, iw = 0] = shape;
        const same = layer.padding === 'same';
        const out = same ? [ih, iw, layer.filters] : [ih - kh + 1, iw - kw + 1, layer.filters];
        if ((out[0] ?? 0) < 1 || (out[1] ?? 0) < 1)
          return no(`${where}: the kernel is larger than its input`);
        const pt = same ? Math.floor((kh - 1) / 2) : 0;
        const pl = same ? Math.floor((kw - 1) / 2) : 0;
        push(LAYER.conv2d, shape, out, [ACTIVATION[layer.activation], kh, kw, pt, pl]);
        shape = out;
        convolutional = true;
        break;
      }
      case 'maxPooling2d': {
        if (shape.length !== 3) return no(`${where}: pooling a ${shape.length}-D input`);
        const [ph, pw] = layer.poolSize;
        if (layer.strides[0] !== ph || layer.strides[1] !== pw || layer.padding !== 'valid') {
          return no(`${where}: pooling with strides other than its window, or padding 'same'`);
        }
        const [ih = 0, iw = 0, c = 0] = shape;
        const out = [Math.floor((ih - ph) / ph) + 1, Math.floor((iw - pw) / pw) + 1, c];
        push(LAYER.maxPooling2d, shape, out, [0, ph, pw, 0, 0]);
        shape = out;
        break;
      }
      default:
        return no(`${where}: the native step has no ${layer.type} layer`);
    }
  }
  const lastLayer = spec.layers[last];
  if (lastLayer?.type !== 'dense' || lastLayer.activation !== 'softmax') {
    return no('the last layer is not a dense layer with softmax');
  }
  const o = spec.optimizer;
  let optimizer: NativeNetworkPlan['optimizer'];
  let slots: NativeNetworkPlan['slots'];
  const hyper = new Float64Array(5);
  if (o.name === 'adam') {
    optimizer = NATIVE_OPTIMIZERS.adam;
    slots = 2;
    hyper.set([o.beta1, o.beta2, o.epsilon, 0, 0]);
  } else if (o.name === 'rmsprop') {
    optimizer = o.momentum > 0 ? NATIVE_OPTIMIZERS.rmspropMomentum : NATIVE_OPTIMIZERS.rmsprop;
    slots = o.momentum > 0 ? 2 : 1;
    hyper.set([0, 0, o.epsilon, o.rho, o.momentum]);
  } else {
    optimizer =
      o.momentum === 0
        ? NATIVE_OPTIMIZERS.sgd
        : o.nesterov
          ? NATIVE_OPTIMIZERS.nesterov
          : NATIVE_OPTIMIZERS.momentum;
    slots = o.momentum === 0 ? 0 : 1;
    hyper.set([0, 0, 0, 0, o.momentum]);
  }
  if (desc.length !== rates.length * DESC_INTS)
    throw new Error('planNativeNetwork: bad description');
  return {
    ok: true,
    plan: {
      desc: Int32Array.from(desc),
      rates: Float64Array.from(rates),
      optimizer,
      hyper,
      dropoutLayers,
      slots,
      inputSize,
      convolutional,
    },
  };
}

/** One layer of a plan's description, as {@link planLayers} reads it back. */
export interface PlannedLayer {
  kind: (typeof LAYER)[keyof typeof LAYER];
  ih: number;
  iw: number;
  ic: number;
  oh: number;
  ow: number;
  oc: number;
  kh: number;
  kw: number;
  rate: number;
}

/** The plan's layers, read back from `desc` (12 ints a layer: kind, input and output h·w·c, activation, kernel, padding). */
export function planLayers(plan: Pick<NativeNetworkPlan, 'desc' | 'rates'>): PlannedLayer[] {
  return Array.from(plan.rates, (rate, i) => {
    const [kind, ih, iw, ic, oh, ow, oc, , kh, kw] = plan.desc.subarray(
      i * DESC_INTS,
      (i + 1) * DESC_INTS,
    );
    return { kind, ih, iw, ic, oh, ow, oc, kh, kw, rate } as PlannedLayer;
  });
}
