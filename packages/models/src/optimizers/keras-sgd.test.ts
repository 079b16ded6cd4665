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
import { KerasSgd } from './keras-sgd.js';

const LR = 0.05;

/** Keras' SGD (TF 2.0: ApplyGradientDescent, or ApplyKerasMomentum with slot momentum) in float64. */
function kerasSgd(momentum: number, nesterov: boolean): ReferenceRule {
  if (momentum === 0) return (w, _slots, g, lr) => ({ w: w - lr * g, slots: [] });
  return (w, [v = 0], g, lr) => {
    const v1 = momentum * v - lr * g;
    return { w: nesterov ? w + momentum * v1 - lr * g : w + v1, slots: [v1] };
  };
}

describe('KerasSgd', () => {
  describe.each([
    ['plain', 0, false],
    ['momentum 0.9', 0.9, false],
    ['Nesterov momentum 0.9', 0.9, true],
  ] as const)('%s', (_, momentum, nesterov) => {
    const make = () => new KerasSgd({ learningRate: LR, momentum, nesterov });
    const rule = kerasSgd(momentum, nesterov);
    const slotCount = momentum > 0 ? 1 : 0;

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

  it("differs from tfjs' momentum after a learning-rate change (its accumulator leaves the rate out)", async () => {
    const plan = defaultPlan(LR);
    const expected = runReference(kerasSgd(0.9, false), 1, LR, plan);
    const tfjs = await runOptimizer(() => tf.train.momentum(LR, 0.9), plan);
    expect(worstError({ ...tfjs, slots: expected.slots }, expected)).toBeGreaterThan(100);
  });
});
