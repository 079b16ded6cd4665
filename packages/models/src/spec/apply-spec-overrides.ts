import { ModelsError } from '../errors/models-error.js';
import type { ModelSpec, OptimizerName, OptimizerSpec } from './model-spec.js';
import { OPTIMIZER_DEFAULTS } from './optimizer-defaults.js';
import { parseSpec } from './parse-spec.js';

/** Changes to a spec's optimizer, as `fmnist train`'s flags give them. */
export interface SpecOverrides {
  /** `--optimizer`: another optimizer, with Keras' defaults for it. */
  optimizer?: OptimizerName;
  /** `--lr`. */
  learningRate?: number;
  /** `--momentum` (sgd and rmsprop). */
  momentum?: number;
}

/**
 * The effective spec: a spec with optimizer overrides applied, checked again. A different `--optimizer` starts from Keras' defaults for it.
 *
 * @throws {ModelsError} `INVALID_OVERRIDE` for momentum with adam, which has none;
 * `INVALID_SPEC` when the result is not a valid spec (e.g. a negative learning rate).
 */
export function applySpecOverrides(spec: ModelSpec, overrides: SpecOverrides): ModelSpec {
  let optimizer: OptimizerSpec =
    overrides.optimizer !== undefined && overrides.optimizer !== spec.optimizer.name
      ? { ...OPTIMIZER_DEFAULTS[overrides.optimizer] }
      : { ...spec.optimizer };
  if (overrides.learningRate !== undefined) {
    optimizer = { ...optimizer, learningRate: overrides.learningRate };
  }
  if (overrides.momentum !== undefined) {
    if (optimizer.name === 'adam') {
      throw new ModelsError(
        'INVALID_OVERRIDE',
        'momentum does not apply to adam, which has no momentum setting: use sgd or rmsprop with momentum, or drop momentum',
      );
    }
    optimizer = { ...optimizer, momentum: overrides.momentum };
  }
  return parseSpec({ ...spec, optimizer });
}
