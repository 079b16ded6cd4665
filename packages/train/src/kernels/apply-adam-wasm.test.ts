import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../../test/compare-backends.js';
import { getOptimizerState } from '../optimizer-state.js';
import { selectBackend } from '../select-backend.js';
import { applyAdamWasm } from './apply-adam-wasm.js';

/** Three Adam steps on two variables; the weights and the optimizer's state after them. */
async function adamSteps(): Promise<Float32Array[]> {
  const a = tf.variable(tf.tensor(seeded(12, 1, 1), [3, 4]), true, `a${Math.random()}`);
  const b = tf.variable(tf.tensor(seeded(5, 2, 100), [5]), true, `b${Math.random()}`);
  const optimizer = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
  for (let step = 0; step < 3; step++) {
    const grads: tf.NamedTensorMap = tf.tidy(() => ({
      [a.name]: tf.tensor(seeded(12, 10 + step, step === 1 ? 0 : 5), [3, 4]),
      [b.name]: tf.tensor(seeded(5, 20 + step, 1e-3), [5]),
    }));
    if (!applyAdamWasm(optimizer, grads))
      optimizer.applyGradients(grads as Parameters<typeof optimizer.applyGradients>[0]);
    tf.dispose(grads);
  }
  const state = await getOptimizerState(optimizer);
  const out = [
    a.dataSync().slice() as Float32Array,
    b.dataSync().slice() as Float32Array,
    ...state.weights.map((w) => w.values),
    new Float32Array([state.accBeta1 ?? 0, state.accBeta2 ?? 0]),
  ];
  a.dispose();
  b.dispose();
  optimizer.dispose();
  return out;
}

describe('Adam fused on wasm', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it("leaves tfjs' Adam in charge off wasm and for other optimizers", async () => {
    await tf.setBackend('wasm');
    const sgd = tf.train.sgd(0.1);
    expect(applyAdamWasm(sgd, {})).toBe(false);
    sgd.dispose();
  });

  it("matches tfjs' Adam on the cpu backend: weights, moments, iterations and β powers", async () => {
    await tf.setBackend('wasm');
    const wasm = await adamSteps();
    await tf.setBackend('cpu');
    const cpu = await adamSteps();
    expect(wasm.length).toBe(cpu.length);
    for (const [i, expected] of cpu.entries()) {
      const actual = wasm[i] as Float32Array;
      for (let k = 0; k < expected.length; k++) {
        expect(actual[k]).toBeCloseTo(expected[k] as number, 5);
      }
    }
  });
});
