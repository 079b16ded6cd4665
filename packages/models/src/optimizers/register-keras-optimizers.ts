import * as tf from '@tensorflow/tfjs';
import { KerasAdam } from './keras-adam.js';
import { KerasRmsprop } from './keras-rmsprop.js';
import { KerasSgd } from './keras-sgd.js';

/**
 * Make our optimizers known to tfjs' serialization registry, so that `tf.loadLayersModel` can
 * rebuild the optimizer a model.json names (`KerasAdam`, `KerasRMSprop`, `KerasSGD`). Idempotent;
 * `createOptimizer` and this package's model loaders call it, so users need not.
 */
export function registerKerasOptimizers(): void {
  for (const cls of [KerasAdam, KerasRmsprop, KerasSgd]) {
    tf.serialization.registerClass(cls, 'fmnist');
  }
}
