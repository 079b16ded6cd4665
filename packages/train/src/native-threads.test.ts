import { getPreset, parseSpec } from '@fmnist/models';
import type { OpenBlas } from '@fmnist/openblas';
import { beforeAll, describe, expect, it } from 'vitest';
import { type NativeNetworkPlan, planNativeNetwork } from './plan-native-network.js';
import { loadNativeStep } from './select-backend.js';

let blas: OpenBlas;
beforeAll(async () => {
  const status = await loadNativeStep();
  if (!status.ok) throw new Error(status.reason);
  blas = status.blas;
});

/** `count` seeded 28×28 images and labels below 10 (a linear congruential stream). */
function images(count: number, seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s >>> 24;
  };
  return {
    pixels: Uint8Array.from({ length: count * 784 }, next),
    labels: Uint8Array.from({ length: count }, () => next() % 10),
  };
}

function planOf(preset: string): NativeNetworkPlan {
  const planned = planNativeNetwork(parseSpec(getPreset(preset)));
  if (!planned.ok) throw new Error(planned.reason);
  return planned.plan;
}

/** `steps` steps from the same start on `threads` threads: every loss, the weights, the slots, an evaluation. */
function train(plan: NativeNetworkPlan, threads: number, batch: number, steps: number) {
  const network = blas.createNetwork(plan.desc, plan.rates, plan.optimizer, plan.hyper, threads);
  expect(blas.networkThreads(network)).toBe(threads);
  const n = blas.networkParamCount(network);
  const params = Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 0.05);
  const slots = new Float32Array(n * plan.slots);
  const powers = Float64Array.of(0.9, 0.999);
  const data = images(batch * steps + 7, 5);
  const order = Uint32Array.from({ length: batch * steps }, (_, i) => (i * 7919) % (batch * steps));
  const states = new Float64Array(4 * plan.dropoutLayers.length);
  const result = new Float64Array(2);
  const results: number[] = [];
  for (let step = 0; step < steps; step++) {
    plan.dropoutLayers.forEach((_, k) => {
      states.set([0.1 + 0.01 * step, 0.2, 0.3 + 0.01 * k, 1], 4 * k);
    });
    blas.trainBatch(
      network,
      params,
      slots,
      powers,
      data.pixels,
      data.labels,
      order,
      step * batch,
      batch,
      0.001,
      states,
      result,
    );
    results.push(result[0] as number, result[1] as number);
  }
  const probabilities = new Float32Array(data.labels.length * 10);
  const evaluation = new Float64Array(2);
  blas.evaluateNetwork(
    network,
    params,
    data.pixels,
    data.labels,
    0,
    data.labels.length,
    97,
    probabilities,
    evaluation,
  );
  return {
    results,
    params,
    slots,
    powers: Array.from(powers),
    evaluation: Array.from(evaluation),
    probabilities,
  };
}

/** Where two float arrays first differ in their bits, or -1 (toEqual walks 400k-value arrays slowly). */
function firstDifference(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  if (Buffer.compare(x, y) === 0) return -1;
  return a.findIndex((v, i) => !Object.is(v, b[i]));
}

/** The largest difference between two arrays, relative to the largest value. */
function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 1e-6;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(a[i] as number));
    diff = Math.max(diff, Math.abs((a[i] as number) - (b[i] as number)));
  }
  return diff / scale;
}

describe("the native step's threads", () => {
  // Each chunk of a step is whole rows of the batch, or whole rows or columns of a gradient, on
  // 16-row boundaries: no sum is split. OpenBLAS still picks other kernels for some small parts
  // (its "direct" and small-matrix paths, by size), which sum in another order: so the thread
  // count is part of what makes a run repeat itself, and results on other counts agree to
  // rounding — on model 1 and the cnn, measured, to the last bit.
  it.each([
    ['mlp-adam', 200, 4, true],
    ['cnn', 32, 2, true],
    ['mlp-dropout-rmsprop', 200, 3, false],
    ['mlp-deep-sgd', 200, 3, false],
  ] as const)(
    '%s (batch %i): the same on 2 and 3 threads as on 1',
    (preset, batch, steps, exact) => {
      const plan = planOf(preset);
      const one = train(plan, 1, batch, steps);
      for (const threads of [2, 3]) {
        const many = train(plan, threads, batch, steps);
        // Repeats itself on that count, to the last bit, whichever thread takes which chunk.
        const again = train(plan, threads, batch, steps);
        expect(firstDifference(again.params, many.params)).toBe(-1);
        expect(again.results).toEqual(many.results);
        expect(firstDifference(again.probabilities, many.probabilities)).toBe(-1);
        if (exact) {
          expect(many.results).toEqual(one.results);
          expect(firstDifference(many.params, one.params)).toBe(-1);
          expect(firstDifference(many.slots, one.slots)).toBe(-1);
          expect(many.evaluation).toEqual(one.evaluation);
          expect(firstDifference(many.probabilities, one.probabilities)).toBe(-1);
        } else {
          expect(worst(many.params, one.params)).toBeLessThan(1e-5);
          expect(worst(many.probabilities, one.probabilities)).toBeLessThan(1e-5);
          expect(many.results[1]).toBe(one.results[1]);
        }
        expect(many.powers).toEqual(one.powers);
      }
    },
  );

  it('refuses a thread count it cannot run', () => {
    const plan = planOf('mlp-adam');
    expect(() => blas.createNetwork(plan.desc, plan.rates, plan.optimizer, plan.hyper, 0)).toThrow(
      /threads must be a whole number from 1 to 64/,
    );
    expect(() =>
      blas.createNetwork(plan.desc, plan.rates, plan.optimizer, plan.hyper, 1.5),
    ).toThrow(RangeError);
  });
});
