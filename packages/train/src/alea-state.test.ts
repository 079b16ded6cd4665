import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { aleaState } from './alea-state.js';

/** alea's next(), as seedrandom writes it. */
function next(state: Float64Array): number {
  const t = 2091639 * (state[0] as number) + (state[3] as number) * 2.3283064365386963e-10;
  state[0] = state[1] as number;
  state[1] = state[2] as number;
  state[3] = t | 0;
  state[2] = t - (state[3] as number);
  return state[2] as number;
}

describe('aleaState', () => {
  it("continues into the numbers tfjs' randomUniform draws for the same seed", async () => {
    await tf.setBackend('cpu');
    for (const seed of [0, 1, 123456789, 2147483646]) {
      const expected = tf.randomUniform([50], 0, 1, 'float32', seed).dataSync();
      const state = aleaState(seed);
      const drawn = Float32Array.from({ length: 50 }, () => next(state));
      expect(drawn).toEqual(expected);
    }
  });
});
