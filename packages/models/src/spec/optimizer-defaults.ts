import type {
  AdamOptimizerSpec,
  OptimizerName,
  RmspropOptimizerSpec,
  SgdOptimizerSpec,
} from './model-spec.js';

/**
 * Keras' default options per optimizer (what the notebook ran with when it passed a bare name).
 * tfjs' own defaults differ in places (its epsilon follows the backend), so specs always carry
 * these values explicitly.
 */
export const OPTIMIZER_DEFAULTS = {
  adam: { name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  rmsprop: { name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 },
  sgd: { name: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false },
} as const satisfies {
  adam: AdamOptimizerSpec;
  rmsprop: RmspropOptimizerSpec;
  sgd: SgdOptimizerSpec;
} satisfies Record<OptimizerName, unknown>;
