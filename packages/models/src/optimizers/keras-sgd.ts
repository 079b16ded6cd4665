import type * as tf from '@tensorflow/tfjs';
import { type ArrayUpdate, KerasOptimizer } from './keras-optimizer.js';

/** Options of {@link KerasSgd}; Keras' defaults for each one left out. */
export interface KerasSgdOptions {
  /** Default 0.01. */
  learningRate?: number;
  /** Default 0: plain gradient descent. */
  momentum?: number;
  /** Nesterov momentum (only with momentum > 0). Default false. */
  nesterov?: boolean;
}

/**
 * SGD as Keras (TF 2.0) runs it. Momentum 0: `w −= lr·g`, no slot. Momentum > 0 (TF's
 * ApplyKerasMomentum): the velocity holds the learning rate, `v = momentum·v − lr·g`, then
 * `w += v`, or with Nesterov `w += momentum·v − lr·g`.
 *
 * tfjs' Momentum keeps `a = momentum·a + g` and steps `lr·a`: the same as Keras at a constant
 * rate, but after a learning-rate change tfjs rescales the whole history at once where Keras lets
 * it decay.
 */
export class KerasSgd extends KerasOptimizer {
  /** The name tfjs' serialization registry knows this class by. */
  static readonly className = 'KerasSGD';
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(options: KerasSgdOptions = {}) {
    super(options.learningRate ?? 0.01);
    this.momentum = options.momentum ?? 0;
    this.nesterov = options.nesterov ?? false;
  }

  get slotNames(): readonly string[] {
    return this.momentum > 0 ? ['momentum'] : [];
  }

  protected updateTensors(
    value: tf.Variable,
    gradient: tf.Tensor,
    [velocity]: readonly tf.Variable[],
  ): tf.Tensor {
    if (!(this.momentum > 0)) return value.sub(gradient.mul(this.learningRate));
    const v = velocity as tf.Variable;
    const step = gradient.mul(this.learningRate);
    const newVelocity = v.mul(this.momentum).sub(step);
    v.assign(newVelocity);
    if (!this.nesterov) return value.add(newVelocity);
    return value.add(newVelocity.mul(this.momentum).sub(step));
  }

  createArrayUpdate(): ArrayUpdate {
    const { learningRate, momentum, nesterov } = this;
    if (!(momentum > 0)) {
      return (w, g, _slots, out) => {
        for (let k = 0; k < w.length; k++) {
          out[k] = (w[k] as number) - (g[k] as number) * learningRate;
        }
      };
    }
    return (w, g, [velocity], out) => {
      const v = velocity as Float32Array;
      for (let k = 0; k < w.length; k++) {
        const gk = (g[k] as number) * learningRate;
        const vk = (v[k] as number) * momentum - gk;
        v[k] = vk;
        out[k] = (w[k] as number) + (nesterov ? vk * momentum - gk : vk);
      }
    };
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, momentum: this.momentum, nesterov: this.nesterov };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }
}
