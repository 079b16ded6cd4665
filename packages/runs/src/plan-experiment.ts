import { relative } from 'node:path';
import {
  EXPERIMENT_SCHEMA_VERSION,
  type ExperimentRun,
  NOTEBOOK_REFERENCE,
  type ReferenceNumbers,
  type RunRecord,
  summarizeExperiment,
  type TestLabels,
} from '@fmnist/metrics';
import { type ExperimentConfig, type PlannedRun, planRuns } from './experiment-config.js';
import { findRunDirectory } from './find-run-directory.js';
import type { ExperimentFile, ExperimentHandle } from './open-experiment.js';
import { readRunRecord } from './read-run-record.js';
import type { RunStatus } from './run-status.js';

/** Where one planned run of an experiment stands. */
export interface ExperimentRunState {
  run: PlannedRun;
  /** Its run directory, once there is one. */
  dir?: string;
  /** Its record, once readable. */
  record?: RunRecord;
  status?: RunStatus;
}

/** What to do for one planned run: train it into a new directory, or resume the one it has. */
export interface ExperimentTask {
  run: PlannedRun;
  action: 'start' | 'resume';
  /** With `resume`: the run directory to go on in. */
  dir?: string;
}

/** An experiment's plan: every planned run as it stands, and the runs left to do. */
export interface ExperimentPlan {
  runs: ExperimentRunState[];
  tasks: ExperimentTask[];
}

/**
 * Plan an experiment (new or resumed): for each run of `config` (see `planRuns`), find its newest
 * run directory in the experiment's `runs/`; completed runs are done, runs with a record are
 * resumed, the others start.
 */
export async function planExperiment(
  experiment: Pick<ExperimentHandle, 'paths'>,
  config: Pick<ExperimentConfig, 'presets' | 'seeds'>,
): Promise<ExperimentPlan> {
  const runs: ExperimentRunState[] = [];
  const tasks: ExperimentTask[] = [];
  for (const run of planRuns(config)) {
    const dir = await findRunDirectory(experiment.paths.runs, run.name);
    const record = dir === undefined ? undefined : await readRunRecord(dir).catch(() => undefined);
    runs.push({ run, dir, record, status: record?.status });
    if (record?.status === 'completed') continue;
    tasks.push(
      dir !== undefined && record !== undefined
        ? { run, action: 'resume', dir }
        : { run, action: 'start' },
    );
  }
  return { runs, tasks };
}

/** The notebook's figures for those presets that are notebook models. */
export function referencesFor(presets: readonly string[]): ExperimentFile['references'] {
  return Object.fromEntries(
    presets.flatMap((preset) =>
      Object.hasOwn(NOTEBOOK_REFERENCE, preset)
        ? [[preset, NOTEBOOK_REFERENCE[preset as keyof typeof NOTEBOOK_REFERENCE]]]
        : [],
    ),
  );
}

/** A new experiment's first record: running, no runs yet, the notebook's figures to compare with. */
export function newExperimentFile(options: {
  id: string;
  suite: string;
  config: ExperimentConfig;
  now?: Date;
}): ExperimentFile {
  return {
    schemaVersion: EXPERIMENT_SCHEMA_VERSION,
    id: options.id,
    suite: options.suite,
    createdAt: (options.now ?? new Date()).toISOString(),
    status: 'running',
    runs: [],
    rows: [],
    references: referencesFor(options.config.presets),
    config: options.config,
    wallSeconds: 0,
  };
}

/** An experiment's status from how its runs went: interrupted wins, then any failure. */
export function decideExperimentStatus(outcome: {
  interrupted: boolean;
  failed: number;
}): RunStatus {
  if (outcome.interrupted) return 'interrupted';
  return outcome.failed > 0 ? 'failed' : 'completed';
}

/**
 * The experiment's record as its runs stand: the runs with a directory (paths relative to the
 * experiment), the comparison table, mean ± std and McNemar tests from the records read so far.
 */
export function buildExperimentFile(
  base: ExperimentFile,
  experimentDir: string,
  states: readonly ExperimentRunState[],
  options: { status: RunStatus; testLabels: TestLabels; wallSeconds: number; now?: Date },
): ExperimentFile {
  const runs: ExperimentRun[] = [];
  for (const { run, dir, status } of states) {
    if (dir === undefined || status === undefined) continue;
    runs.push({ preset: run.preset, seed: run.seed, path: relative(experimentDir, dir), status });
  }
  const parts = summarizeExperiment(
    states.flatMap(({ run, record }) =>
      record === undefined ? [] : [{ preset: run.preset, seed: run.seed, record }],
    ),
    {
      references: base.references as Record<string, ReferenceNumbers>,
      testLabels: options.testLabels,
    },
  );
  const { finishedAt: _previous, ...rest } = base;
  const ended = options.status === 'completed' || options.status === 'failed';
  return {
    ...rest,
    status: options.status,
    ...(ended ? { finishedAt: (options.now ?? new Date()).toISOString() } : {}),
    runs,
    rows: parts.rows,
    summary: parts.summary,
    mcnemar: parts.mcnemar,
    wallSeconds: options.wallSeconds,
  };
}
