import type { ModelSpec, OptimizerName } from '@fmnist/models';
import type { ParameterName } from './search-space-schema.js';

/** The value one trial gives each parameter. */
export interface ParameterValueTypes {
  learningRate: number;
  momentum: number;
  nesterov: boolean;
  optimizer: OptimizerName;
  batchSize: number;
  dropoutRate: number;
  layerWidths: number[];
  epochs: number;
}

/** How one parameter is searched: a list of values, or a (log-)range of numbers. */
export type ParameterDomain<Value = unknown> =
  | { kind: 'list'; values: Value[] }
  | { kind: 'range' | 'logRange'; min: number; max: number; integer: boolean; points?: number };

/** The parameters of one trial (a configuration): a value for each parameter the space varies. */
export type TrialParams = { [Name in ParameterName]?: ParameterValueTypes[Name] };

/** A validated search space, as {@link validateSearchSpace} returns it. */
export interface SearchSpace {
  name: string;
  description?: string;
  /** The preset the base spec came from, when one was named. */
  preset?: string;
  /** The model every trial starts from (canonical). */
  spec: ModelSpec;
  /** What every trial shares, defaults filled in. */
  training: {
    epochs: number;
    batchSize: number;
    /** The validation holdout of every trial: a fraction below 1, else a count. */
    holdout: number;
  };
  /** What to vary, in {@link PARAMETER_NAMES} order. */
  parameters: { [Name in ParameterName]?: ParameterDomain<ParameterValueTypes[Name]> };
}
