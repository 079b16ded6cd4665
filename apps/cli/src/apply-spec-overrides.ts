import {
  type ModelSpec,
  OPTIMIZER_DEFAULTS,
  type OptimizerName,
  type OptimizerSpec,
  parseSpec,
} from '@fmnist/models';
import { usageError } from './errors.js';

/** Flags of `fmnist train` that change the model spec. */
export interface SpecOverrides {
  /** `--optimizer`: another optimizer, with Keras' defaults for it. */
  optimizer?: OptimizerName;
  /** `--lr`. */
  learningRate?: number;
  /** `--momentum` (sgd and rmsprop). */
  momentum?: number;
}

/** The optimizer names `--optimizer` takes (Keras' spellings work too, in any case). */
export const OPTIMIZER_CHOICES = [
  'adam',
  'rmsprop',
  'sgd',
] as const satisfies readonly OptimizerName[];

/**
 * The effective spec: the preset's or file's spec with the command line's optimizer flags applied,
 * checked again. A different `--optimizer` starts from Keras' defaults for it.
 *
 * @throws {CliError} a usage error for `--momentum` with adam, which has none.
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
      throw usageError(
        '--momentum does not apply to adam, which has no momentum setting',
        'Use --optimizer sgd or --optimizer rmsprop with --momentum, or drop --momentum.',
      );
    }
    optimizer = { ...optimizer, momentum: overrides.momentum };
  }
  return parseSpec({ ...spec, optimizer });
}
