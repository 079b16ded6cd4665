// Shared by the optimizer tests: a few steps on two variables with varying gradients — one of
// ordinary size, one tiny (where ε's placement shows) — run through a tfjs optimizer, and the same
// steps through a float64 reference of the update rule.
import * as tf from '@tensorflow/tfjs';
import type { KerasOptimizer } from '../src/optimizers/keras-optimizer.js';

/** Initial weights of the two variables: `a` (3×4) of ordinary size, `b` (5) at zero. */
export const INITIAL: readonly (readonly number[])[] = [
  Array.from({ length: 12 }, (_, k) => Math.sin(k + 1) * 0.5),
  [0, 0, 0, 0, 0],
];
const SHAPES = [[3, 4], [5]];

/** The gradient of element k of variable i at step s (from 1): varying signs and sizes, b tiny, one zero step. */
export function gradientAt(step: number, variable: number, k: number): number {
  if (variable === 1) {
    if (step === 3) return 0;
    return 1e-5 * Math.cos(step * 1.7 + k * 0.9) * (1 + k);
  }
  return 0.1 * Math.sin(step * 2.3 + k * 1.1) * (1 + (k % 3));
}

/** How many steps, and the learning rate from some step on (ReduceLROnPlateau's change mid-run). */
export interface StepPlan {
  steps: number;
  /** Before step `step` (from 1), set the learning rate to `learningRate`. */
  change?: { step: number; learningRate: number };
}

/** The default plan: six steps, the rate cut to a third before the fourth. */
export function defaultPlan(learningRate: number): StepPlan {
  return { steps: 6, change: { step: 4, learningRate: learningRate / 3 } };
}

/** Weights and optimizer slots (in getWeights order, iteration count left out) after the steps. */
export interface StepResult {
  weights: Float64Array[];
  slots: Float64Array[];
  iterations: number;
}

let counter = 0;

function gradientsOf(step: number, sizes: readonly number[]): Float32Array[] {
  return sizes.map((size, i) =>
    Float32Array.from({ length: size }, (_, k) => gradientAt(step, i, k)),
  );
}

function setRate(optimizer: tf.Optimizer, learningRate: number): void {
  (optimizer as unknown as { setLearningRate(lr: number): void }).setLearningRate(learningRate);
}

/**
 * Run `plan` through a fresh optimizer from `make` (disposed at the end). With `resumeAt`, the
 * optimizer's state is copied out through getWeights after that many steps and put into a fresh
 * one through setWeights, which runs the rest — as a checkpoint and resume do.
 */
export async function runOptimizer(
  make: () => tf.Optimizer,
  plan: StepPlan,
  resumeAt?: number,
): Promise<StepResult> {
  counter += 1;
  const variables = INITIAL.map((values, i) =>
    tf.tidy(() =>
      tf.variable(tf.tensor(values, SHAPES[i], 'float32'), true, `steps${counter}_${i}`),
    ),
  );
  let optimizer = make();
  for (let step = 1; step <= plan.steps; step++) {
    if (plan.change?.step === step) setRate(optimizer, plan.change.learningRate);
    const grads: tf.NamedTensorMap = {};
    const values = gradientsOf(
      step,
      INITIAL.map((v) => v.length),
    );
    variables.forEach((v, i) => {
      grads[v.name] = tf.tensor(values[i] as Float32Array, v.shape, 'float32');
    });
    optimizer.applyGradients(grads);
    tf.dispose(grads);
    if (step === resumeAt) {
      const named = await optimizer.getWeights();
      const saved = named.map(({ name, tensor }) => ({
        name,
        tensor: tf.tensor(tensor.dataSync(), tensor.shape, tensor.dtype),
      }));
      named[0]?.tensor.dispose(); // the iteration count: a new scalar each call
      const learningRate = (optimizer as unknown as { learningRate: number }).learningRate;
      optimizer.dispose();
      optimizer = make();
      setRate(optimizer, learningRate);
      await optimizer.setWeights(saved);
      tf.dispose(saved.map((w) => w.tensor));
    }
  }
  const named = await optimizer.getWeights();
  const result: StepResult = {
    weights: variables.map((v) => Float64Array.from(v.dataSync())),
    slots: named.slice(1).map((w) => Float64Array.from(w.tensor.dataSync())),
    iterations: (named[0] as { tensor: tf.Tensor }).tensor.dataSync()[0] as number,
  };
  (named[0] as { tensor: tf.Tensor }).tensor.dispose();
  tf.dispose(variables);
  optimizer.dispose();
  return result;
}

/** Run `plan` through an optimizer's array form (`createArrayUpdate` + `completeStep`), no tensors. */
export function runArrayUpdate(optimizer: KerasOptimizer, plan: StepPlan): StepResult {
  const weights = INITIAL.map((values) => Float32Array.from(values));
  const slots = INITIAL.map((values) =>
    optimizer.slotNames.map(() => new Float32Array(values.length)),
  );
  for (let step = 1; step <= plan.steps; step++) {
    if (plan.change?.step === step) optimizer.setLearningRate(plan.change.learningRate);
    const update = optimizer.createArrayUpdate();
    const grads = gradientsOf(
      step,
      INITIAL.map((v) => v.length),
    );
    weights.forEach((w, i) => {
      update(w, grads[i] as Float32Array, slots[i] as Float32Array[], w);
    });
    optimizer.completeStep();
  }
  return {
    weights: weights.map((w) => Float64Array.from(w)),
    slots: optimizer.slotNames.flatMap((_, j) =>
      slots.map((perVariable) => Float64Array.from(perVariable[j] as Float32Array)),
    ),
    iterations: optimizer.iterations,
  };
}

/**
 * One element's update in float64: `w` and the slots of one element, its gradient, the learning
 * rate and the step number t (from 1); returns the new weight and slots.
 */
export type ReferenceRule = (
  w: number,
  slots: number[],
  g: number,
  learningRate: number,
  t: number,
) => { w: number; slots: number[] };

/** Run `plan` through a float64 reference rule that keeps `slotCount` slots per element (all starting at 0). */
export function runReference(
  rule: ReferenceRule,
  slotCount: number,
  learningRate: number,
  plan: StepPlan,
): StepResult {
  const weights = INITIAL.map((values) => Float64Array.from(values));
  const slots = INITIAL.map((values) =>
    Array.from({ length: slotCount }, () => new Float64Array(values.length)),
  );
  let lr = learningRate;
  for (let step = 1; step <= plan.steps; step++) {
    if (plan.change?.step === step) lr = plan.change.learningRate;
    weights.forEach((w, i) => {
      for (let k = 0; k < w.length; k++) {
        const before = (slots[i] as Float64Array[]).map((s) => s[k] as number);
        const next = rule(w[k] as number, before, gradientAt(step, i, k), lr, step);
        w[k] = next.w;
        next.slots.forEach((value, j) => {
          ((slots[i] as Float64Array[])[j] as Float64Array)[k] = value;
        });
      }
    });
  }
  // getWeights order: every variable's first slot, then every variable's second.
  const ordered = Array.from({ length: slotCount }, (_, j) =>
    slots.map((perVariable) => perVariable[j] as Float64Array),
  ).flat();
  return { weights, slots: ordered, iterations: plan.steps };
}

/** Largest |actual − expected| / (1e-5·|expected| + 1e-12) over all elements: ≤ 1 is within float32 tolerance. */
export function worstError(actual: StepResult, expected: StepResult): number {
  let worst = 0;
  const pairs = [
    ...actual.weights.map((a, i) => [a, expected.weights[i]] as const),
    ...actual.slots.map((a, i) => [a, expected.slots[i]] as const),
  ];
  if (actual.slots.length !== expected.slots.length) return Number.POSITIVE_INFINITY;
  for (const [a, e] of pairs) {
    if (e === undefined || a.length !== e.length) return Number.POSITIVE_INFINITY;
    for (let k = 0; k < a.length; k++) {
      const diff = Math.abs((a[k] as number) - (e[k] as number));
      worst = Math.max(worst, diff / (1e-5 * Math.abs(e[k] as number) + 1e-12));
    }
  }
  return worst;
}
