import { createOptimizer, type OptimizerSpecInput } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../../test/compare-backends.js';
import { getOptimizerState } from '../optimizer-state.js';
import { selectBackend } from '../select-backend.js';
import { applyOptimizerWasm } from './apply-optimizer-wasm.js';

/**
 * Four steps on two variables (the rate cut before the third), fused where it applies; the
 * weights and the optimizer's state after them.
 */
async function steps(
  spec: OptimizerSpecInput,
  fuseAll = true,
): Promise<{ fused: boolean; out: Float32Array[] }> {
  const [a, b] = tf.tidy(() => [
    tf.variable(tf.tensor(seeded(12, 1, 1), [3, 4]), true, `a${Math.random()}`),
    tf.variable(tf.tensor(seeded(5, 2, 100), [5]), true, `b${Math.random()}`),
  ]) as [tf.Variable, tf.Variable];
  const optimizer = createOptimizer(spec);
  let fused = true;
  for (let step = 0; step < 4; step++) {
    if (step === 2) optimizer.setLearningRate(optimizer.learningRate / 4);
    const grads: tf.NamedTensorMap = tf.tidy(() => ({
      [a.name]: tf.tensor(seeded(12, 10 + step, step === 1 ? 0 : 5), [3, 4]),
      // Tiny gradients, where ε's placement shows.
      [b.name]: tf.tensor(seeded(5, 20 + step, 1e-5), [5]),
    }));
    if (!applyOptimizerWasm(optimizer, grads, { fuseAll })) {
      fused = false;
      optimizer.applyGradients(grads);
    }
    tf.dispose(grads);
  }
  const state = await getOptimizerState(optimizer);
  const out = [
    a.dataSync().slice() as Float32Array,
    b.dataSync().slice() as Float32Array,
    ...state.weights.map((w) => w.values),
    new Float32Array([state.accBeta1 ?? 0, state.accBeta2 ?? 0]),
  ];
  tf.dispose([a, b]);
  optimizer.dispose();
  return { fused, out };
}

describe('optimizer updates fused on wasm', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it("leaves tfjs' own optimizers and other backends to tfjs", async () => {
    await tf.setBackend('wasm');
    const sgd = tf.train.sgd(0.1);
    expect(applyOptimizerWasm(sgd, {})).toBe(false);
    sgd.dispose();
    await tf.setBackend('cpu');
    const ours = createOptimizer({ name: 'adam' });
    expect(applyOptimizerWasm(ours, {})).toBe(false);
    ours.dispose();
  });

  it('fuses only Adam unless told to fuse all (RMSprop and SGD measured no faster fused)', async () => {
    await tf.setBackend('wasm');
    expect((await steps({ name: 'adam' }, false)).fused).toBe(true);
    expect((await steps({ name: 'rmsprop' }, false)).fused).toBe(false);
    expect((await steps({ name: 'sgd', momentum: 0.9 }, false)).fused).toBe(false);
  });

  it("takes Keras' Adam step (epsilon hat): from w = 0 with a gradient of 1e-5, −7.5975e-4", async () => {
    await tf.setBackend('wasm');
    const w = tf.tidy(() => tf.variable(tf.zeros([1]), true, `one-step-${Math.random()}`));
    const optimizer = createOptimizer({ name: 'adam' });
    const grads = { [w.name]: tf.tensor([1e-5]) };
    expect(applyOptimizerWasm(optimizer, grads)).toBe(true);
    expect(w.dataSync()[0]).toBeCloseTo(-7.5975e-4, 8);
    tf.dispose([w, ...Object.values(grads)]);
    optimizer.dispose();
  });

  it.each([
    { name: 'adam', learningRate: 0.01 },
    { name: 'rmsprop' },
    { name: 'rmsprop', momentum: 0.9 },
    { name: 'sgd', learningRate: 0.1 },
    { name: 'sgd', learningRate: 0.1, momentum: 0.9 },
    { name: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true },
  ] as const)(
    '%o matches its tensor form on cpu: weights, slots, iterations, β powers, no leak',
    async (spec) => {
      await tf.setBackend('wasm');
      const before = tf.memory().numTensors;
      const wasm = await steps(spec);
      expect(tf.memory().numTensors).toBe(before);
      await tf.setBackend('cpu');
      const cpu = await steps(spec);
      expect([wasm.fused, cpu.fused]).toEqual([true, false]);
      expect(wasm.out.length).toBe(cpu.out.length);
      for (const [i, expected] of cpu.out.entries()) {
        const actual = wasm.out[i] as Float32Array;
        // Within float32 rounding of the array's largest value (a velocity can cancel to near 0).
        const scale = expected.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
        for (let k = 0; k < expected.length; k++) {
          const e = expected[k] as number;
          expect(Math.abs((actual[k] as number) - e), `output ${i}[${k}]`).toBeLessThanOrEqual(
            1e-6 * scale + 1e-5 * Math.abs(e),
          );
        }
      }
    },
  );
});
