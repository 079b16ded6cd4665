import type * as tf from '@tensorflow/tfjs';
import { type ArrayUpdate, KerasOptimizer } from './keras-optimizer.js';

/** Options of {@link KerasAdam}; Keras' defaults for each one left out. */
export interface KerasAdamOptions {
  /** Default 0.001. */
  learningRate?: number;
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/**
 * Adam as Keras (TF 2.0) runs it, with "epsilon hat": at step t
 * `α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)`, `m += (g − m)(1−β₁)`, `v += (g² − v)(1−β₂)`, `w −= α·m/(√v + ε)`
 * (TF's ApplyAdam). tfjs' (and PyTorch's) Adam adds ε to √v̂ = √(v/(1−β₂ᵗ)) instead, a larger ε in
 * effect: from w = 0 with a constant gradient of 1e-5, one step gives −7.5975e-4 here and in
 * Keras, −9.9009e-4 in tfjs.
 *
 * β₁ᵗ and β₂ᵗ are running products in float64 (`accBeta1`, `accBeta2`: the powers for the next
 * step), never recomputed with `pow`; `setWeights` rebuilds them by the same products.
 */
export class KerasAdam extends KerasOptimizer {
  /** The name tfjs' serialization registry knows this class by. */
  static readonly className = 'KerasAdam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** β₁ᵗ for the next step t (β₁ before the first). */
  accBeta1: number;
  /** β₂ᵗ for the next step t (β₂ before the first). */
  accBeta2: number;

  constructor(options: KerasAdamOptions = {}) {
    super(options.learningRate ?? 0.001);
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-7;
    this.accBeta1 = this.beta1;
    this.accBeta2 = this.beta2;
  }

  get slotNames(): readonly string[] {
    return ['m', 'v'];
  }

  /** This step's α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ). */
  stepSize(): number {
    return (this.learningRate * Math.sqrt(1 - this.accBeta2)) / (1 - this.accBeta1);
  }

  protected updateTensors(
    value: tf.Variable,
    gradient: tf.Tensor,
    [m, v]: readonly tf.Variable[],
  ): tf.Tensor {
    const first = m as tf.Variable;
    const second = v as tf.Variable;
    const newFirst = first.add(gradient.sub(first).mul(1 - this.beta1));
    const newSecond = second.add(
      gradient
        .square()
        .sub(second)
        .mul(1 - this.beta2),
    );
    first.assign(newFirst);
    second.assign(newSecond);
    return value.sub(newFirst.mul(this.stepSize()).div(newSecond.sqrt().add(this.epsilon)));
  }

  createArrayUpdate(): ArrayUpdate {
    const alpha = this.stepSize();
    const b1 = 1 - this.beta1;
    const b2 = 1 - this.beta2;
    const epsilon = this.epsilon;
    return (w, g, [m, v], out) => {
      const first = m as Float32Array;
      const second = v as Float32Array;
      for (let k = 0; k < w.length; k++) {
        const gk = g[k] as number;
        const mk = (first[k] as number) + (gk - (first[k] as number)) * b1;
        const vk = (second[k] as number) + (gk * gk - (second[k] as number)) * b2;
        first[k] = mk;
        second[k] = vk;
        out[k] = (w[k] as number) - (mk * alpha) / (Math.sqrt(vk) + epsilon);
      }
    };
  }

  override completeStep(): void {
    this.accBeta1 *= this.beta1;
    this.accBeta2 *= this.beta2;
    super.completeStep();
  }

  override async setWeights(
    weightValues: Parameters<tf.Optimizer['setWeights']>[0],
  ): Promise<void> {
    await super.setWeights(weightValues);
    this.accBeta1 = this.beta1;
    this.accBeta2 = this.beta2;
    for (let step = 0; step < this.iterations; step++) {
      this.accBeta1 *= this.beta1;
      this.accBeta2 *= this.beta2;
    }
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
    };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }
}
