import { buildModel, disposeModel, type ModelSpecInput, parseSpec } from '@fmnist/models';
import type { OpenBlas } from '@fmnist/openblas';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireNativeStep } from '../test/require-native-step.js';
import { predictSplit } from './evaluate.js';
import { planNativeNetwork } from './plan-native-network.js';
import { toInput } from './to-input.js';
import { trainStep } from './training-step.js';

let blas: OpenBlas;
beforeAll(async () => {
  await tf.setBackend('cpu');
  blas = await requireNativeStep();
});

const SPEC: ModelSpecInput = {
  inputShape: [4],
  layers: [
    { type: 'dense', units: 5, activation: 'relu' },
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
  optimizer: { name: 'sgd', learningRate: 0.1 },
  loss: 'categoricalCrossentropy',
};
const IMAGES = Uint8Array.of(10, 200, 30, 90, 255, 0, 128, 64, 5, 5, 250, 17, 99, 180, 3, 42);
// Examples 0 and 2 are confidently wrong: a bias of 40 on class 0 puts their labelled classes'
// probabilities near e^-40, far below Keras' clip at 1e-7.
const LABELS = Uint8Array.of(1, 0, 2, 0);

/** The tiny model with its last bias set to make examples 0 and 2 confidently wrong. */
function confidentModel(): tf.LayersModel {
  const model = buildModel(SPEC, { seed: 7 });
  const last = model.layers.at(-1) as tf.layers.Layer;
  const [kernel] = last.getWeights();
  const bias = tf.tensor1d([40, 0, 0]);
  last.setWeights([kernel as tf.Tensor, bias]);
  bias.dispose();
  return model;
}

function flatWeights(model: tf.LayersModel): Float32Array {
  const parts = model.trainableWeights.map((w) => w.read().dataSync() as Float32Array);
  const flat = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    flat.set(part, offset);
    offset += part.length;
  }
  return flat;
}

describe('trainStep on a model ending in a softmax', () => {
  it('agrees with the native step on a confidently wrong batch: exact loss, gradient p − y', () => {
    const model = confidentModel();
    const before = flatWeights(model);
    const step = tf.tidy(() => {
      const xs = toInput(model, IMAGES, 4);
      const ys = tf.oneHot(tf.tensor1d(LABELS, 'int32'), 3);
      return trainStep(model, model.optimizer, xs, ys, LABELS);
    });
    const loss = step.loss.dataSync()[0] as number;
    tf.dispose([step.loss, step.correct]);
    const after = flatWeights(model);

    const planned = planNativeNetwork(parseSpec(SPEC));
    if (!planned.ok) throw new Error(planned.reason);
    const { plan } = planned;
    const network = blas.createNetwork(plan.desc, plan.rates, plan.optimizer, plan.hyper);
    const params = Float32Array.from(before);
    const result = new Float64Array(2);
    blas.trainBatch(
      network,
      params,
      null,
      null,
      IMAGES,
      LABELS,
      null,
      0,
      4,
      0.1,
      new Float64Array(0),
      result,
    );

    // Two rows near 40 each: the clipped loss would report about (2 × 16.12) / 4.
    expect(loss).toBeGreaterThan(19);
    expect(result[0]).toBeCloseTo(loss, 4);
    const worst = Math.max(...Array.from(params, (p, i) => Math.abs(p - (after[i] as number))));
    expect(worst).toBeLessThan(1e-5);
    // The labelled classes of the wrong rows are pulled up by lr · (1 − p) / 4 ≈ 0.025 each; the
    // clipped loss would leave them where they were.
    const biasAt = before.length - 3;
    expect((after[biasAt + 1] as number) - (before[biasAt + 1] as number)).toBeCloseTo(0.025, 4);
    expect((after[biasAt + 2] as number) - (before[biasAt + 2] as number)).toBeCloseTo(0.025, 4);
    disposeModel(model);
  });

  it('leaves no tensor behind', () => {
    const model = confidentModel();
    const run = () => {
      const step = tf.tidy(() => {
        const xs = toInput(model, IMAGES, 4);
        const ys = tf.oneHot(tf.tensor1d(LABELS, 'int32'), 3);
        return trainStep(model, model.optimizer, xs, ys, LABELS);
      });
      tf.dispose([step.loss, step.correct]);
    };
    run();
    const tensors = tf.memory().numTensors;
    run();
    run();
    expect(tf.memory().numTensors).toBe(tensors);
    disposeModel(model);
  });
});

describe('predictSplit on a model ending in a softmax', () => {
  it('reports the exact loss, as the native evaluation does', () => {
    const model = confidentModel();
    const split = { count: 4, shape: [2, 2] as [number, number], images: IMAGES, labels: LABELS };
    const { loss } = predictSplit(model, split);
    const planned = planNativeNetwork(parseSpec(SPEC));
    if (!planned.ok) throw new Error(planned.reason);
    const { plan } = planned;
    const network = blas.createNetwork(plan.desc, plan.rates, plan.optimizer, plan.hyper);
    const result = new Float64Array(2);
    blas.evaluateNetwork(network, flatWeights(model), IMAGES, LABELS, 0, 4, 4, null, result);
    expect(loss).toBeGreaterThan(19);
    expect((result[0] as number) / 4).toBeCloseTo(loss, 4);
    disposeModel(model);
  });
});
