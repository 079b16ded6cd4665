import {
  type ExperimentConfig,
  MetricsError,
  parseExperimentConfig as parseConfigBlock,
} from '@fmnist/metrics';
import { RunsError } from './runs-error.js';

export type { ExperimentConfig };

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

/** `config.seeds[0]` from the config's own `seeds[0]`. */
const configPath = (path: string) =>
  path === '(root)' ? 'config' : path.startsWith('[') ? `config${path}` : `config.${path}`;

/**
 * The `config` of an `experiment.json`, checked against `@fmnist/metrics`' `experimentConfigSchema`.
 *
 * @param path - the file, for the message
 * @throws {RunsError} `EXPERIMENT_INVALID` when it is missing or not what an experiment writes,
 * naming the first field at fault.
 */
export function parseExperimentConfig(value: unknown, path: string): ExperimentConfig {
  try {
    return parseConfigBlock(value);
  } catch (error) {
    if (!MetricsError.isInstance(error)) throw error;
    const fault =
      value === undefined
        ? 'found none'
        : error.issues.length > 0
          ? `found ${error.issues
              .slice(0, 3)
              .map((issue) => `${configPath(issue.path)} ${issue.message}`)
              .join('; ')}`
          : `found ${JSON.stringify(value)}`;
    throw new RunsError(
      'EXPERIMENT_INVALID',
      `${path}: expected a config with presets, seeds, epochs, batchSize, validation, backend and dataDir, ${fault}. ` +
        'It was not written by fmnist experiment, or it is damaged: start a new experiment.',
      { cause: error },
    );
  }
}
