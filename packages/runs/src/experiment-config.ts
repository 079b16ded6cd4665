import { RunsError } from './runs-error.js';

/** How an experiment trains its runs; kept in `experiment.json` as `config` so a resume can go on. */
export interface ExperimentConfig {
  presets: string[];
  seeds: number[];
  epochs: number;
  batchSize: number;
  validation: 'holdout' | 'test' | 'none';
  /** The holdout size, with `validation: 'holdout'`. */
  validationSize?: number;
  /** The backend every run asks for (`auto`, or one of `@fmnist/train`'s `BACKEND_NAMES`). */
  backend: string;
  /** The data directory every run trains on (absolute). */
  dataDir: string;
}

/** One planned run of an experiment: a preset with a seed, and its run directory's name. */
export interface PlannedRun {
  preset: string;
  seed: number;
  /** `<preset>-seed<seed>`: the run directory is `runs/<name>-<yyyymmdd-hhmmss>`. */
  name: string;
}

/** The runs of an experiment, seed by seed (every preset's first seed first), preset by preset. */
export function planRuns(config: Pick<ExperimentConfig, 'presets' | 'seeds'>): PlannedRun[] {
  return config.seeds.flatMap((seed) =>
    config.presets.map((preset) => ({ preset, seed, name: `${preset}-seed${seed}` })),
  );
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isIntArray = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => Number.isInteger(item));

/**
 * The `config` of an `experiment.json`, checked.
 *
 * @throws {RunsError} `EXPERIMENT_INVALID` when it is missing or not what an experiment writes.
 */
export function parseExperimentConfig(value: unknown, path: string): ExperimentConfig {
  const config = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const ok =
    isStringArray(config.presets) &&
    isIntArray(config.seeds) &&
    Number.isInteger(config.epochs) &&
    Number.isInteger(config.batchSize) &&
    ['holdout', 'test', 'none'].includes(config.validation as string) &&
    (config.validationSize === undefined || typeof config.validationSize === 'number') &&
    typeof config.backend === 'string' &&
    config.backend !== '' &&
    typeof config.dataDir === 'string';
  if (!ok) {
    throw new RunsError(
      'EXPERIMENT_INVALID',
      `${path}: expected a config with presets, seeds, epochs, batchSize, validation, backend and dataDir, found ${JSON.stringify(value)}. ` +
        'It was not written by fmnist experiment, or it is damaged: start a new experiment.',
    );
  }
  return config as unknown as ExperimentConfig;
}
