import { ModelsError } from '../errors/models-error.js';
import { KerasAdam } from '../optimizers/keras-adam.js';
import type { KerasOptimizer } from '../optimizers/keras-optimizer.js';
import { KerasRmsprop } from '../optimizers/keras-rmsprop.js';
import { KerasSgd } from '../optimizers/keras-sgd.js';
import { registerKerasOptimizers } from '../optimizers/register-keras-optimizers.js';
import type { OptimizerSpec, OptimizerSpecInput } from '../spec/model-spec.js';
import { parseSpec } from '../spec/parse-spec.js';

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
 * A fresh optimizer for an optimizer spec, with Keras' defaults for every option left out, that
 * updates weights by Keras' (TF 2.0) rules on every tfjs backend: {@link KerasAdam} (epsilon hat),
 * {@link KerasRmsprop} (ε outside the root at momentum 0), {@link KerasSgd} (learning rate inside
 * the velocity). Accepts the notebook's names (`'RMSprop'`, `'Adam'`, `'SGD'`), which
 * tfjs-layers' string lookup would reject.
 *
 * The caller owns the optimizer: dispose it (or use `disposeModel`) when done.
 *
 * @throws ModelsError `INVALID_SPEC` when the spec is not valid
 */
export function createOptimizer(spec: OptimizerSpec | OptimizerSpecInput): KerasOptimizer {
  const options = canonicalizeOptimizer(spec);
  registerKerasOptimizers();
  switch (options.name) {
    case 'adam':
      return new KerasAdam(options);
    case 'rmsprop':
      return new KerasRmsprop(options);
    case 'sgd':
      return new KerasSgd(options);
  }
}
