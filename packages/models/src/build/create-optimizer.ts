import * as tf from '@tensorflow/tfjs';
import { ModelsError } from '../errors/models-error.js';
import type { OptimizerSpec, OptimizerSpecInput } from '../spec/model-spec.js';
import { parseSpec } from '../spec/parse-spec.js';

/**
 * tfjs 4.22's MomentumOptimizer.dispose() forgets the learning-rate scalar its SGD parent keeps,
 * leaking one tensor per optimizer; this frees it too.
 */
class MomentumOptimizer extends tf.MomentumOptimizer {
  override dispose(): void {
    super.dispose();
    tf.SGDOptimizer.prototype.dispose.call(this);
  }
}

function canonicalizeOptimizer(spec: OptimizerSpec | OptimizerSpecInput): OptimizerSpec {
  // Validate through a minimal model spec so that errors read `optimizer.learningRate ...`.
  const probe = {
    inputShape: [1],
    layers: [{ type: 'dense', units: 1, activation: 'softmax' }],
    optimizer: spec,
    loss: 'categoricalCrossentropy',
  };
  try {
    return parseSpec(probe).optimizer;
  } catch (error) {
    if (ModelsError.isInstance(error)) {
      throw new ModelsError(
        'INVALID_SPEC',
        error.message.replace('invalid model spec', 'invalid optimizer spec'),
        { issues: error.issues, cause: error },
      );
    }
    throw error;
  }
}

/**
 * A fresh tfjs optimizer for an optimizer spec, with Keras' defaults for every option left out.
 * Accepts the notebook's names (`'RMSprop'`, `'Adam'`, `'SGD'`), which tfjs-layers' string
 * lookup would reject. SGD with momentum > 0 becomes tfjs' momentum optimizer (same update as
 * Keras' SGD(momentum=...)).
 *
 * The caller owns the optimizer: dispose it (or use `disposeModel`) when done.
 *
 * @throws ModelsError `INVALID_SPEC` when the spec is not valid
 */
export function createOptimizer(spec: OptimizerSpec | OptimizerSpecInput): tf.Optimizer {
  const options = canonicalizeOptimizer(spec);
  switch (options.name) {
    case 'adam':
      return tf.train.adam(options.learningRate, options.beta1, options.beta2, options.epsilon);
    case 'rmsprop':
      return tf.train.rmsprop(
        options.learningRate,
        options.rho,
        options.momentum,
        options.epsilon,
        false,
      );
    case 'sgd':
      return options.momentum > 0
        ? new MomentumOptimizer(options.learningRate, options.momentum, options.nesterov)
        : tf.train.sgd(options.learningRate);
  }
}
