import type { LabeledImages } from '@fmnist/dataset';
import {
  buildModel,
  deriveSeed,
  disposeModel,
  type ModelSpecInput,
  parseSpec,
} from '@fmnist/models';
import type { OpenBlas } from '@fmnist/openblas';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { aleaState } from './alea-state.js';
import { planNativeNetwork } from './plan-native-network.js';
import { loadNativeStep } from './select-backend.js';
import { toInput } from './to-input.js';
import { categoricalCrossentropy, seedDropout } from './training-step.js';

/** `count` seeded random images of `rows × cols` with labels below `classes`. */
function randomImages(
  count: number,
  rows: number,
  cols: number,
  classes: number,
  seed: number,
): LabeledImages {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  const images = Uint8Array.from({ length: count * rows * cols }, () => next() % 256);
  const labels = Uint8Array.from({ length: count }, () => next() % classes);
  return { count, shape: [rows, cols], images, labels };
}

const dense = (units: number, activation = 'relu') => ({
  type: 'dense' as const,
  units,
  activation: activation as 'relu',
});

/** Tiny specs with every layer type the native step runs. */
const SPECS: Record<string, ModelSpecInput> = {
  dense: {
    inputShape: [16],
    layers: [dense(8), dense(5, 'linear'), dense(3, 'softmax')],
    optimizer: { name: 'sgd' },
    loss: 'categoricalCrossentropy',
  },
  'dropout on the input': {
    inputShape: [16],
    layers: [{ type: 'dropout', rate: 0.3 }, dense(7), dense(3, 'softmax')],
    optimizer: { name: 'sgd' },
    loss: 'categoricalCrossentropy',
  },
  'conv, pool, flatten, dropout': {
    inputShape: [36],
    layers: [
      { type: 'reshape', targetShape: [6, 6, 1] },
      { type: 'conv2d', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' },
      { type: 'maxPooling2d', poolSize: 2 },
      { type: 'conv2d', filters: 3, kernelSize: 2, padding: 'valid', activation: 'relu' },
      { type: 'flatten' },
      { type: 'dropout', rate: 0.25 },
      dense(5),
      dense(4, 'softmax'),
    ],
    optimizer: { name: 'sgd' },
    loss: 'categoricalCrossentropy',
  },
};

let blas: OpenBlas;
beforeAll(async () => {
  await tf.setBackend('cpu');
  const status = await loadNativeStep();
  if (!status.ok) throw new Error(status.reason);
  blas = status.blas;
});

const SEED = 11;
const EPOCH = 2;
const BATCH = 3;

/** tfjs cpu's gradients of the loss for examples `order`, dropout seeded as the training loop seeds it. */
function tfjsGradients(
  model: tf.LayersModel,
  data: LabeledImages,
  order: Uint32Array,
  classes: number,
) {
  const rows = data.shape[0] * data.shape[1];
  const images = new Uint8Array(order.length * rows);
  const labels = new Int32Array(order.length);
  order.forEach((i, k) => {
    images.set(data.images.subarray(i * rows, (i + 1) * rows), k * rows);
    labels[k] = data.labels[i] as number;
  });
  seedDropout(model, (layer) => deriveSeed(SEED, 3, EPOCH, BATCH, layer));
  return tf.tidy(() => {
    const xs = toInput(model, images, order.length);
    const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), classes);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(
      () => categoricalCrossentropy(ys, model.apply(xs, { training: true }) as tf.Tensor),
      variables,
    );
    return {
      loss: value.dataSync()[0] as number,
      grads: variables.map((v) => Array.from((grads[v.name] as tf.Tensor).dataSync())),
    };
  });
}

function nativeGradients(
  model: tf.LayersModel,
  specInput: ModelSpecInput,
  data: LabeledImages,
  order: Uint32Array,
) {
  const planned = planNativeNetwork(parseSpec(specInput));
  if (!planned.ok) throw new Error(planned.reason);
  const { plan } = planned;
  const network = blas.createNetwork(plan.desc, plan.rates, plan.optimizer, plan.hyper);
  const params = new Float32Array(blas.networkParamCount(network));
  const sizes = model.trainableWeights.map((w) => w.read().size);
  let offset = 0;
  model.trainableWeights.forEach((w) => {
    params.set(w.read().dataSync() as Float32Array, offset);
    offset += w.read().size;
  });
  const states = new Float64Array(4 * plan.dropoutLayers.length);
  plan.dropoutLayers.forEach((layer, k) => {
    states.set(aleaState(deriveSeed(SEED, 3, EPOCH, BATCH, layer)), 4 * k);
  });
  const gradients = new Float32Array(params.length);
  const loss = blas.networkGradients(
    network,
    params,
    null,
    null,
    data.images,
    data.labels,
    order,
    0,
    order.length,
    0,
    states,
    gradients,
  );
  offset = 0;
  const grads = sizes.map((size) => {
    const part = Array.from(gradients.subarray(offset, offset + size));
    offset += size;
    return part;
  });
  return { loss, grads };
}

function expectClose(actual: number[], expected: number[], tolerance: number) {
  expect(actual).toHaveLength(expected.length);
  const scale = Math.max(1e-3, ...expected.map(Math.abs));
  const worst = Math.max(0, ...actual.map((a, i) => Math.abs(a - (expected[i] as number))));
  expect(worst / scale).toBeLessThan(tolerance);
}

describe('the native step', () => {
  it.each(Object.keys(SPECS))('%s: loss and every gradient agree with tfjs cpu', (name) => {
    const spec = SPECS[name] as ModelSpecInput;
    const classes = (spec.layers.at(-1) as { units: number }).units;
    const side = Math.sqrt(spec.inputShape[0] as number);
    const data = randomImages(12, side, side, classes, 5);
    const order = Uint32Array.of(4, 0, 9, 2, 7, 11, 1);
    const model = buildModel(spec, { seed: 3 });
    const expected = tfjsGradients(model, data, order, classes);
    const actual = nativeGradients(model, spec, data, order);
    expect(actual.loss).toBeCloseTo(expected.loss, 5);
    expected.grads.forEach((g, i) => {
      expectClose(actual.grads[i] as number[], g, 1e-4);
    });
    disposeModel(model);
  });
});

/** Keras' (TF 2.0) update rules in float64, the reference for the native update. */
function kerasStep(
  spec: ModelSpecInput['optimizer'] & Record<string, number | string | boolean>,
  w: Float64Array,
  g: Float32Array,
  s0: Float64Array,
  s1: Float64Array,
  t: number,
) {
  const lr = Number(spec.learningRate);
  for (let i = 0; i < w.length; i++) {
    const grad = g[i] as number;
    if (spec.name === 'adam') {
      const b1 = 0.9;
      const b2 = 0.999;
      s0[i] = b1 * (s0[i] as number) + (1 - b1) * grad;
      s1[i] = b2 * (s1[i] as number) + (1 - b2) * grad * grad;
      const lrT = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
      w[i] = (w[i] as number) - (lrT * (s0[i] as number)) / (Math.sqrt(s1[i] as number) + 1e-7);
    } else if (spec.name === 'rmsprop') {
      s0[i] = 0.9 * (s0[i] as number) + 0.1 * grad * grad;
      const m = Number(spec.momentum ?? 0);
      if (m === 0) {
        w[i] = (w[i] as number) - (lr * grad) / (Math.sqrt(s0[i] as number) + 1e-7);
      } else {
        s1[i] = m * (s1[i] as number) + (lr * grad) / Math.sqrt((s0[i] as number) + 1e-7);
        w[i] = (w[i] as number) - (s1[i] as number);
      }
    } else {
      const m = Number(spec.momentum ?? 0);
      if (m === 0) {
        w[i] = (w[i] as number) - lr * grad;
      } else {
        s0[i] = m * (s0[i] as number) - lr * grad;
        w[i] = spec.nesterov
          ? (w[i] as number) + m * (s0[i] as number) - lr * grad
          : (w[i] as number) + (s0[i] as number);
      }
    }
  }
}

describe("the native step's update", () => {
  it.each([
    { name: 'sgd', learningRate: 0.1 },
    { name: 'sgd', learningRate: 0.1, momentum: 0.9 },
    { name: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true },
    { name: 'adam', learningRate: 0.01 },
    { name: 'rmsprop', learningRate: 0.01 },
    { name: 'rmsprop', learningRate: 0.01, momentum: 0.5 },
  ] as const)('follows Keras step by step: %o', (optimizer) => {
    const spec: ModelSpecInput = { ...(SPECS.dense as ModelSpecInput), optimizer };
    const planned = planNativeNetwork(parseSpec(spec));
    if (!planned.ok) throw new Error(planned.reason);
    const { plan } = planned;
    const model = buildModel(spec, { seed: 4 });
    const network = blas.createNetwork(plan.desc, plan.rates, plan.optimizer, plan.hyper);
    const plain = blas.createNetwork(plan.desc, plan.rates, 6, plan.hyper);
    const n = blas.networkParamCount(network);
    const params = new Float32Array(n);
    let offset = 0;
    for (const w of model.trainableWeights) {
      params.set(w.read().dataSync() as Float32Array, offset);
      offset += w.read().size;
    }
    const reference = Float64Array.from(params);
    const slots = new Float32Array(n * 2);
    const powers = Float64Array.of(0.9, 0.999);
    const s0 = new Float64Array(n);
    const s1 = new Float64Array(n);
    const data = randomImages(30, 4, 4, 3, 9);
    const gradients = new Float32Array(n);
    const result = new Float64Array(2);
    for (let t = 1; t <= 4; t++) {
      const from = (t - 1) * 6;
      blas.networkGradients(
        plain,
        Float32Array.from(reference),
        null,
        null,
        data.images,
        data.labels,
        null,
        from,
        6,
        0,
        new Float64Array(0),
        gradients,
      );
      kerasStep(optimizer as never, reference, gradients, s0, s1, t);
      blas.trainBatch(
        network,
        params,
        slots,
        powers,
        data.images,
        data.labels,
        null,
        from,
        6,
        optimizer.learningRate,
        new Float64Array(0),
        result,
      );
      const worst = Math.max(
        ...Array.from(params, (p, i) => Math.abs(p - (reference[i] as number))),
      );
      expect(worst).toBeLessThan(2e-5);
    }
    disposeModel(model);
  });
});
