import { formatDidYouMean } from '@fmnist/models';
import { TrainError } from './errors.js';

/** How a suite validates while training: as `train`'s `validation` option. */
export type SuiteValidation = 'holdout' | 'test' | 'none';

/** A named set of presets trained with the same settings, as `fmnist experiment <suite>` runs it. */
export interface Suite {
  /** The suite's name, e.g. `notebook`. */
  readonly name: string;
  /** One line on what it is for. */
  readonly description: string;
  /** Preset names (see `@fmnist/models`' `PRESET_NAMES`), in the order they run. */
  readonly presets: readonly string[];
  /** Epochs per run. */
  readonly epochs: number;
  /** Images per training step. */
  readonly batchSize: number;
  /** `test` validates on the test set as the notebook did (leakage, flagged in each record). */
  readonly validation: SuiteValidation;
}

const NOTEBOOK_PRESETS = [
  'mlp-adam',
  'mlp-rmsprop',
  'mlp-sgd',
  'mlp-deep-sgd',
  'mlp-dropout-rmsprop',
] as const;

/**
 * The built-in suites. `notebook` runs the notebook's five models as it did (100 epochs, batch
 * 200, validation on the test set); `beyond` adds SGD with momentum and a small CNN, and validates
 * on a holdout of the training set instead.
 */
export const SUITES = {
  notebook: {
    name: 'notebook',
    description:
      "the notebook's five models as it ran them: 100 epochs, batch 200, validation on the test set",
    presets: NOTEBOOK_PRESETS,
    epochs: 100,
    batchSize: 200,
    validation: 'test',
  },
  beyond: {
    name: 'beyond',
    description:
      'the five notebook models plus mlp-sgd-momentum and cnn, validated on a holdout of the training set',
    presets: [...NOTEBOOK_PRESETS, 'mlp-sgd-momentum', 'cnn'],
    epochs: 100,
    batchSize: 200,
    validation: 'holdout',
  },
} as const satisfies Record<string, Suite>;

/** The name of a built-in suite. */
export type SuiteName = keyof typeof SUITES;

/** The built-in suites' names. */
export const SUITE_NAMES = Object.keys(SUITES) as SuiteName[];

/**
 * The built-in suite called `name`.
 *
 * @throws {TrainError} `INVALID_OPTION` for an unknown name, listing the valid ones.
 *
 * @example
 * ```ts
 * getSuite('notebook').presets; // ['mlp-adam', 'mlp-rmsprop', ...]
 * ```
 */
export function getSuite(name: string): Suite {
  if (Object.hasOwn(SUITES, name)) return SUITES[name as SuiteName];
  throw new TrainError(
    'INVALID_OPTION',
    `unknown suite ${JSON.stringify(name)}${formatDidYouMean(name, SUITE_NAMES)}: expected one of ${SUITE_NAMES.join(', ')}`,
  );
}
