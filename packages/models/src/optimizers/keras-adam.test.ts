import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  defaultPlan,
  type ReferenceRule,
  runArrayUpdate,
  runOptimizer,
  runReference,
  worstError,
} from '../../test/optimizer-steps.js';
import { KerasAdam } from './keras-adam.js';

const LR = 0.01;
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

/** Keras' Adam (TF 2.0 ApplyAdam) in float64: slots m, v. */
const kerasAdam: ReferenceRule = (w, [m = 0, v = 0], g, lr, t) => {
  const alpha = (lr * Math.sqrt(1 - BETA2 ** t)) / (1 - BETA1 ** t);
  const m1 = m + (g - m) * (1 - BETA1);
  const v1 = v + (g * g - v) * (1 - BETA2);
  return { w: w - (alpha * m1) / (Math.sqrt(v1) + EPSILON), slots: [m1, v1] };
};

const make = () =>
  new KerasAdam({ learningRate: LR, beta1: BETA1, beta2: BETA2, epsilon: EPSILON });

describe('KerasAdam', () => {
  it('takes one Keras step from w = 0 with a gradient of 1e-5: −7.5975e-4 (tfjs: −9.9009e-4)', () => {
    const step = (optimizer: tf.Optimizer) => {
      const w = tf.variable(tf.zeros([1]), true, `adam-one-${Math.random()}`);
      optimizer.applyGradients({ [w.name]: tf.tensor([1e-5]) });
      const value = w.dataSync()[0] as number;
      w.dispose();
      optimizer.dispose();
      return value;
    };
    expect(step(new KerasAdam())).toBeCloseTo(-7.5975e-4, 8);
    expect(step(tf.train.adam(0.001, 0.9, 0.999, 1e-7))).toBeCloseTo(-9.9009e-4, 8);
  });

  it("follows Keras' formula in float64 over six steps with a learning-rate change", async () => {
    const plan = defaultPlan(LR);
    const expected = runReference(kerasAdam, 2, LR, plan);
    expect(worstError(await runOptimizer(make, plan), expected)).toBeLessThanOrEqual(1);
    // The test tells the rules apart: tfjs' Adam (ε added to √v̂) is far off on the tiny weights.
    const noChange = { steps: 6 };
    const tfjs = await runOptimizer(() => tf.train.adam(LR, BETA1, BETA2, EPSILON), noChange);
    expect(worstError(tfjs, runReference(kerasAdam, 2, LR, noChange))).toBeGreaterThan(100);
  });

  it('gives the same steps through its array form (for fused paths)', async () => {
    const plan = defaultPlan(LR);
    const optimizer = make();
    const arrays = runArrayUpdate(optimizer, plan);
    expect(worstError(arrays, runReference(kerasAdam, 2, LR, plan))).toBeLessThanOrEqual(1);
    expect(optimizer.iterations).toBe(6);
    // β powers for step 7: running products, not pow.
    let product = BETA1;
    for (let t = 0; t < 6; t++) product *= BETA1;
    expect(optimizer.accBeta1).toBe(product);
    optimizer.dispose();
  });

  it('resumes from getWeights/setWeights to the last bit, β powers included', async () => {
    const plan = defaultPlan(LR);
    const straight = await runOptimizer(make, plan);
    for (const at of [1, 3, 5]) {
      expect(await runOptimizer(make, plan, at)).toEqual(straight);
    }
    const optimizer = make();
    for (let i = 0; i < 4; i++) optimizer.completeStep();
    const products = [optimizer.accBeta1, optimizer.accBeta2];
    const weights = await optimizer.getWeights();
    const fresh = make();
    await fresh.setWeights(weights);
    expect([fresh.accBeta1, fresh.accBeta2]).toEqual(products);
    tf.dispose(weights.map((w) => w.tensor));
    optimizer.dispose();
    fresh.dispose();
  });

  it('leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    await runOptimizer(make, defaultPlan(LR), 2);
    expect(tf.memory().numTensors).toBe(before);
  });
});
