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
import { KerasRmsprop } from './keras-rmsprop.js';

const LR = 0.001;
const RHO = 0.9;
const EPSILON = 1e-7;

/** Keras' RMSprop at momentum 0 (TF 2.0's non-fused branch) in float64: slot rms. */
const withoutMomentum: ReferenceRule = (w, [ms = 0], g, lr) => {
  const ms1 = RHO * ms + (1 - RHO) * g * g;
  return { w: w - (lr * g) / (Math.sqrt(ms1) + EPSILON), slots: [ms1] };
};

/** Keras' RMSprop at momentum > 0 (TF's fused ApplyRMSProp) in float64: slots rms, momentum. */
function withMomentum(momentum: number): ReferenceRule {
  return (w, [ms = 0, mom = 0], g, lr) => {
    const ms1 = ms + (g * g - ms) * (1 - RHO);
    const mom1 = mom * momentum + (g * lr) / Math.sqrt(ms1 + EPSILON);
    return { w: w - mom1, slots: [ms1, mom1] };
  };
}

describe('KerasRmsprop', () => {
  describe.each([
    ['momentum 0: ε outside the root', 0, withoutMomentum, 1],
    ['momentum 0.9: fused ApplyRMSProp, ε inside the root', 0.9, withMomentum(0.9), 2],
  ] as const)('%s', (_, momentum, rule, slotCount) => {
    const make = () => new KerasRmsprop({ learningRate: LR, rho: RHO, momentum, epsilon: EPSILON });

    it("follows Keras' formula in float64 over six steps with a learning-rate change", async () => {
      const plan = defaultPlan(LR);
      const expected = runReference(rule, slotCount, LR, plan);
      expect(worstError(await runOptimizer(make, plan), expected)).toBeLessThanOrEqual(1);
      const optimizer = make();
      expect(worstError(runArrayUpdate(optimizer, plan), expected)).toBeLessThanOrEqual(1);
      optimizer.dispose();
    });

    it('resumes from getWeights/setWeights to the last bit, without leaking', async () => {
      const plan = defaultPlan(LR);
      const before = tf.memory().numTensors;
      const straight = await runOptimizer(make, plan);
      expect(straight.slots).toHaveLength(2 * slotCount);
      expect(await runOptimizer(make, plan, 4)).toEqual(straight);
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  it("differs from tfjs' RMSProp at momentum 0 (which puts ε inside the root)", async () => {
    const plan = { steps: 6 };
    const tfjs = await runOptimizer(() => tf.train.rmsprop(LR, RHO, 0, EPSILON), plan);
    // tfjs also keeps a momentum slot Keras does not have: compare the weights only.
    const expected = runReference(withoutMomentum, 1, LR, plan);
    expect(worstError({ ...tfjs, slots: expected.slots }, expected)).toBeGreaterThan(100);
  });
});

describe('KerasRmsprop state', () => {
  it("refuses tfjs' RMSProp state (it keeps momentum slots at momentum 0) instead of misreading it", async () => {
    const tfjs = tf.train.rmsprop(LR, RHO, 0, EPSILON);
    const w = tf.tidy(() => tf.variable(tf.zeros([2]), true, `rms-state-${Math.random()}`));
    tfjs.applyGradients({ [w.name]: tf.tensor([0.1, 0.2]) });
    const weights = await tfjs.getWeights();
    const ours = new KerasRmsprop();
    await expect(ours.setWeights(weights)).rejects.toThrow(
      /expects the iteration count, then one rms slot per variable; found 2 tensor\(s\) after the count \(rms, momentum\)/,
    );
    weights[0]?.tensor.dispose();
    tf.dispose([w]);
    tfjs.dispose();
    ours.dispose();
  });
});
