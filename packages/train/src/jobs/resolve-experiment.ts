import { basename, resolve } from 'node:path';
import { type LoadedDataset, loadFashionMnist } from '@fmnist/dataset';
import { getPreset } from '@fmnist/models';
import {
  createExperiment,
  type ExperimentConfig,
  type ExperimentFile,
  type ExperimentHandle,
  newExperimentFile,
  openExperiment,
} from '@fmnist/runs';
import { TrainError } from '../errors.js';
import type { BackendName } from '../select-backend.js';
import { getSuite } from '../suites.js';

/** The settings of a new experiment; every one but `suite` defaults to the suite's. */
export interface NewExperimentOptions {
  /** A suite name (`SUITE_NAMES`): its presets, epochs, batch size and validation. */
  suite: string;
  /** Train these presets instead of the suite's. */
  presets?: readonly string[];
  /** Seeds per preset (`seed`, `seed + 1`, …); default 1. */
  seeds?: number;
  /** The first seed; default 0. */
  seed?: number;
  epochs?: number;
  batchSize?: number;
  validation?: 'holdout' | 'test' | 'none';
  /** The holdout size, with `validation: 'holdout'`. */
  validationSize?: number;
  /** Default `auto`. */
  backend?: BackendName | 'auto';
  /** Where experiment directories go; default `./experiments`. */
  out?: string;
}

/** Where an experiment's settings come from: new ones, or the record of one to resume. */
export interface ResolveExperimentOptions extends Partial<NewExperimentOptions> {
  /** Resume the experiment in this directory: its settings come from its `experiment.json`. */
  resume?: string;
  /** The data, loaded already; else loaded from `dataDir`. */
  data?: LoadedDataset;
  /**
   * The data directory (the four IDX files); with `resume`, replaces the recorded one. Default:
   * `@fmnist/dataset`'s search (`FMNIST_DATA_DIR` in `env`, the user cache, the system copies),
   * never a download.
   */
  dataDir?: string;
  /** The environment that search reads; default `process.env` (as `@fmnist/dataset`'s). */
  env?: NodeJS.ProcessEnv;
}

/** An experiment ready to run: its directory, record so far, and data. */
export interface ResolvedExperiment {
  experiment: ExperimentHandle;
  file: ExperimentFile;
  data: LoadedDataset;
  resumed: boolean;
}

async function loadData(options: ResolveExperimentOptions, dataDir: string | undefined) {
  if (options.data) return options.data;
  return loadFashionMnist({
    ...(dataDir === undefined ? {} : { dir: resolve(dataDir) }),
    download: false,
    integrity: 'check',
    ...(options.env === undefined ? {} : { env: options.env }),
  });
}

async function resumeExperiment(
  dir: string,
  options: ResolveExperimentOptions,
): Promise<ResolvedExperiment> {
  const experiment = openExperiment(dir);
  const file = await experiment.readRecord();
  if (options.suite !== undefined && options.suite !== file.suite) {
    throw new TrainError(
      'INVALID_OPTION',
      `the experiment in ${experiment.dir} runs the suite ${file.suite}, not ${options.suite}: resume it without a suite`,
    );
  }
  if (file.status === 'completed') {
    throw new TrainError(
      'NOTHING_TO_RESUME',
      `the experiment in ${experiment.dir} is already completed; there is nothing to resume. Start a new one, e.g. fmnist experiment ${file.suite}.`,
    );
  }
  if (options.backend !== undefined) file.config.backend = options.backend;
  if (options.dataDir !== undefined) file.config.dataDir = resolve(options.dataDir);
  const data = await loadData(options, file.config.dataDir);
  return { experiment, file, data, resumed: true };
}

async function startExperiment(options: ResolveExperimentOptions): Promise<ResolvedExperiment> {
  const suite = getSuite(options.suite ?? '');
  const presets = [...(options.presets ?? suite.presets)];
  for (const preset of presets) getPreset(preset);
  const seeds = options.seeds ?? 1;
  if (!Number.isInteger(seeds) || seeds < 1) {
    throw new TrainError(
      'INVALID_OPTION',
      `seeds must be a whole number of 1 or more, got ${seeds}`,
    );
  }
  const validation = options.validation ?? suite.validation;
  if (options.validationSize !== undefined && validation !== 'holdout') {
    throw new TrainError(
      'INVALID_OPTION',
      `validationSize sets the holdout's size; the runs validate with ${validation}`,
    );
  }
  const data = await loadData(options, options.dataDir);
  const first = options.seed ?? 0;
  const config: ExperimentConfig = {
    presets,
    seeds: Array.from({ length: seeds }, (_, i) => first + i),
    epochs: options.epochs ?? suite.epochs,
    batchSize: options.batchSize ?? suite.batchSize,
    validation,
    ...(options.validationSize === undefined ? {} : { validationSize: options.validationSize }),
    backend: options.backend ?? 'auto',
    dataDir: data.source.location,
  };
  const experiment = await createExperiment(resolve(options.out ?? 'experiments'), suite.name);
  const file = newExperimentFile({ id: basename(experiment.dir), suite: suite.name, config });
  return { experiment, file, data, resumed: false };
}

/**
 * A new experiment (its directory made, its first record not yet written), or the one in
 * `options.resume` with its recorded settings.
 *
 * @throws {TrainError} `INVALID_OPTION` for an unknown suite or bad settings, `NOTHING_TO_RESUME`
 * for a completed experiment; `RunsError` `EXPERIMENT_INVALID` for a directory that is not one.
 */
export function resolveExperiment(options: ResolveExperimentOptions): Promise<ResolvedExperiment> {
  return options.resume !== undefined
    ? resumeExperiment(options.resume, options)
    : startExperiment(options);
}
