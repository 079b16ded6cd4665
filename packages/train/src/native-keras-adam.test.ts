import { parseSpec } from '@fmnist/models';
import type { OpenBlas } from '@fmnist/openblas';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireNativeStep } from '../test/require-native-step.js';
import { planNativeNetwork } from './plan-native-network.js';

let blas: OpenBlas;
beforeAll(async () => {
  blas = await requireNativeStep();
});

describe("the native step's Adam", () => {
  it("takes Keras' step (epsilon hat), not tfjs': from 0 with a gradient of 1e-5, −7.5975e-4 (tfjs −9.9009e-4)", () => {
    // One input pixel of 0 and a dense softmax over two classes: the kernel's gradient is 0 and
    // the biases' are p − y. Biases (ln(1/1e-5 − 1), 0) and label 0 make the second bias's
    // gradient 1e-5, as in the constant-gradient case of Keras' and tfjs' formulas.
    const spec = parseSpec({
      inputShape: [1],
      layers: [{ type: 'dense', units: 2, activation: 'softmax' }],
      optimizer: { name: 'adam', learningRate: 0.001 },
      loss: 'categoricalCrossentropy',
    });
    const planned = planNativeNetwork(spec);
    if (!planned.ok) throw new Error(planned.reason);
    const { plan } = planned;
    const network = blas.createNetwork(plan.desc, plan.rates, plan.optimizer, plan.hyper);
    const images = Uint8Array.of(0);
    const labels = Uint8Array.of(0);
    const params = Float32Array.of(0.3, -0.2, Math.log(1 / 1e-5 - 1), 0);
    const plain = blas.createNetwork(plan.desc, plan.rates, 6, plan.hyper);
    const gradients = new Float32Array(4);
    blas.networkGradients(
      plain,
      Float32Array.from(params),
      null,
      null,
      images,
      labels,
      null,
      0,
      1,
      0,
      new Float64Array(0),
      gradients,
    );
    expect(gradients[3]).toBeCloseTo(1e-5, 9);

    const slots = new Float32Array(8);
    const powers = Float64Array.of(0.9, 0.999);
    blas.trainBatch(
      network,
      params,
      slots,
      powers,
      images,
      labels,
      null,
      0,
      1,
      0.001,
      new Float64Array(0),
      new Float64Array(2),
    );
    expect(params[3]).toBeCloseTo(-7.5975e-4, 7);
    expect(Math.abs((params[3] as number) - -9.9009e-4)).toBeGreaterThan(2e-4);
    // The kernel had no gradient and does not move.
    expect(Array.from(params.subarray(0, 2))).toEqual([Math.fround(0.3), Math.fround(-0.2)]);
  });
});
