import type * as tf from '@tensorflow/tfjs';
import { type ArrayUpdate, KerasOptimizer } from './keras-optimizer.js';

/** Options of {@link KerasRmsprop}; Keras' defaults for each one left out. */
export interface KerasRmspropOptions {
  /** Default 0.001. */
  learningRate?: number;
  /** Default 0.9. */
  rho?: number;
  /** Default 0. */
  momentum?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/**
 * RMSprop as Keras (TF 2.0) runs it; the mean square starts at zero. Two rules, by momentum:
 * - momentum 0 (Keras' default, the notebook's): `ms = ρ·ms + (1−ρ)·g²`, `w −= lr·g/(√ms + ε)` —
 *   ε outside the root, as PyTorch does too; no momentum slot;
 * - momentum > 0: TF's fused ApplyRMSProp, `ms += (g² − ms)(1−ρ)`,
 *   `mom = momentum·mom + lr·g/√(ms + ε)`, `w −= mom` — ε inside the root.
 *
 * tfjs' RMSProp always takes the second form. Under the root ε = 1e-7 weighs like √ε ≈ 3.2e-4
 * outside it, so weights whose gradients' root mean square is below that take much smaller steps
 * than in Keras: with the tfjs rule the notebook's model 2 ended at test loss 0.69, not Keras' 1.01.
 */
export class KerasRmsprop extends KerasOptimizer {
  /** The name tfjs' serialization registry knows this class by. */
  static readonly className = 'KerasRMSprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;

  constructor(options: KerasRmspropOptions = {}) {
    super(options.learningRate ?? 0.001);
    this.rho = options.rho ?? 0.9;
    this.momentum = options.momentum ?? 0;
    this.epsilon = options.epsilon ?? 1e-7;
  }

  get slotNames(): readonly string[] {
    return this.momentum > 0 ? ['rms', 'momentum'] : ['rms'];
  }

  protected updateTensors(
    value: tf.Variable,
    gradient: tf.Tensor,
    [rms, mom]: readonly tf.Variable[],
  ): tf.Tensor {
    const meanSquare = rms as tf.Variable;
    if (this.momentum > 0) {
      const newMeanSquare = meanSquare.add(
        gradient
          .square()
          .sub(meanSquare)
          .mul(1 - this.rho),
      );
      const moment = mom as tf.Variable;
      const newMoment = moment
        .mul(this.momentum)
        .add(gradient.mul(this.learningRate).div(newMeanSquare.add(this.epsilon).sqrt()));
      meanSquare.assign(newMeanSquare);
      moment.assign(newMoment);
      return value.sub(newMoment);
    }
    const newMeanSquare = meanSquare.mul(this.rho).add(gradient.square().mul(1 - this.rho));
    meanSquare.assign(newMeanSquare);
    return value.sub(gradient.mul(this.learningRate).div(newMeanSquare.sqrt().add(this.epsilon)));
  }

  createArrayUpdate(): ArrayUpdate {
    const { learningRate, rho, momentum, epsilon } = this;
    const oneMinusRho = 1 - rho;
    if (momentum > 0) {
      return (w, g, [rms, mom], out) => {
        const ms = rms as Float32Array;
        const moment = mom as Float32Array;
        for (let k = 0; k < w.length; k++) {
          const gk = g[k] as number;
          const msk = (ms[k] as number) + (gk * gk - (ms[k] as number)) * oneMinusRho;
          const momk =
            (moment[k] as number) * momentum + (gk * learningRate) / Math.sqrt(msk + epsilon);
          ms[k] = msk;
          moment[k] = momk;
          out[k] = (w[k] as number) - momk;
        }
      };
    }
    return (w, g, [rms], out) => {
      const ms = rms as Float32Array;
      for (let k = 0; k < w.length; k++) {
        const gk = g[k] as number;
        const msk = (ms[k] as number) * rho + gk * gk * oneMinusRho;
        ms[k] = msk;
        out[k] = (w[k] as number) - (gk * learningRate) / (Math.sqrt(msk) + epsilon);
      }
    };
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      learningRate: this.learningRate,
      rho: this.rho,
      momentum: this.momentum,
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
