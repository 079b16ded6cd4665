import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import {
  formatExperimentReportMarkdown,
  parseExperimentRecord,
  type TestLabels,
} from '@fmnist/metrics';
import { getPreset } from '@fmnist/models';
import {
  buildExperimentFile,
  createLocalJobRunner,
  createTimestampedDirectory,
  decideExperimentStatus,
  type ExperimentFile,
  type ExperimentRunState,
  type ExperimentTask,
  type JobRunner,
  type LocalJobRunner,
  planExperiment,
  type RunStatus,
  readRunRecord,
  toTestLabels,
} from '@fmnist/runs';
import { backendThreadsFor } from '../select-backend.js';
import type { ExperimentEvent } from './experiment-event.js';
import { longestFirst } from './longest-first.js';
import { type ResolveExperimentOptions, resolveExperiment } from './resolve-experiment.js';
import { type TrainJob, trainJobArgs, trainJobScript } from './train-job.js';

/** Options of {@link runExperiment}: a new experiment's settings, or `resume`. */
export interface RunExperimentOptions extends ResolveExperimentOptions {
  /** Runs at once, each with its share of the cores; default {@link defaultExperimentJobs}. */
  jobs?: number;
  /** Runs the jobs; default local child processes (`createLocalJobRunner` over `trainJobScript`). */
  runner?: JobRunner;
  onEvent?: (event: ExperimentEvent) => void;
  /** Aborting starts no more runs; the running ones finish their batch and save. */
  signal?: AbortSignal;
  /** Aborting (after `signal`) stops the running ones at once; each keeps its last epoch. */
  stopSignal?: AbortSignal;
}

/** How an experiment ended. */
export interface ExperimentResult {
  dir: string;
  status: RunStatus;
  record: ExperimentFile;
  /** The runs it has (planned) and the completed ones. */
  runs: number;
  finished: number;
  /** The runs that failed this time. */
  failed: ExperimentRunState[];
}

/**
 * Runs at once by default, at most 2: on 2 cores two one-thread runs finish the notebook suite a
 * little sooner than one two-thread run at a time (measured; they also overlap each child's start).
 */
export function defaultExperimentJobs(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

function toJob(
  task: ExperimentTask,
  runDir: string,
  file: ExperimentFile,
  parallel: number,
): TrainJob {
  const { config } = file;
  const base = {
    runDir,
    dataDir: config.dataDir,
    backend: config.backend as TrainJob['backend'],
    // Parallel runs share the cores: none takes more threads than its share.
    ...backendThreadsFor(getPreset(task.run.preset), parallel),
  };
  if (task.action === 'resume') return { ...base, action: 'resume' };
  return {
    ...base,
    action: 'start',
    preset: task.run.preset,
    name: task.run.name,
    seed: task.run.seed,
    epochs: config.epochs,
    batchSize: config.batchSize,
    validation: config.validation,
    ...(config.validationSize === undefined ? {} : { validationSize: config.validationSize }),
  };
}

/**
 * Run an experiment — every preset of a suite over its seeds, `jobs` at a time, each run a job of
 * `runner` (a child process by default) — or resume one: finished runs are kept, interrupted ones
 * resumed, missing ones started. `experiment.json` is rewritten as runs finish; `report.md` at the
 * end. The parent makes each run's directory and hands it to the job; jobs report structured events.
 *
 * @example
 * ```ts
 * const result = await runExperiment({ suite: 'notebook', epochs: 1, dataDir, out: 'experiments' });
 * console.log(result.status, result.record.rows.map((row) => [row.preset, row.testAccuracy]));
 * ```
 */
export async function runExperiment(options: RunExperimentOptions): Promise<ExperimentResult> {
  const started = Date.now();
  const { experiment, file, data, resumed } = await resolveExperiment(options);
  const { config } = file;
  const emit = options.onEvent ?? (() => {});
  const testLabels: TestLabels = toTestLabels(data.test.labels);
  const plan = await planExperiment(experiment, config);
  const parallel = options.jobs ?? defaultExperimentJobs();
  const toResume = plan.tasks.filter((task) => task.action === 'resume').length;
  emit({
    type: 'planned',
    dir: experiment.dir,
    suite: file.suite,
    config,
    runs: plan.runs.length,
    parallel,
    resumed,
    toResume,
    toStart: plan.tasks.length - toResume,
    data: { location: data.source.location, verified: data.verified },
  });
  const states = new Map(plan.runs.map((state) => [state.run.name, state]));
  const build = (status: RunStatus) =>
    buildExperimentFile(file, experiment.dir, [...states.values()], {
      status,
      testLabels,
      wallSeconds: file.wallSeconds + (Date.now() - started) / 1000,
    });
  const save = (status: RunStatus) => experiment.writeRecord(build(status));
  await save('running');

  // A runner that does not report its children's lines (a queue's) ignores onLine.
  const runner: LocalJobRunner =
    options.runner ?? createLocalJobRunner({ prefixArgs: [trainJobScript()] });
  let finished = plan.runs.length - plan.tasks.length;
  const failed: ExperimentRunState[] = [];
  const queue = longestFirst(plan.tasks);
  const runTask = async (task: ExperimentTask) => {
    const state = states.get(task.run.name) as ExperimentRunState;
    const runDir =
      task.dir ?? (await createTimestampedDirectory(experiment.paths.runs, task.run.name));
    state.dir = runDir;
    state.status = 'running';
    await save('running');
    emit({ type: 'run-started', run: task.run, runDir, action: task.action });
    const outcome = await runner.run(
      {
        id: `${basename(experiment.dir)}/${task.run.name}`,
        args: trainJobArgs(toJob(task, runDir, file, parallel)),
      },
      {
        signal: options.signal,
        stopSignal: options.stopSignal,
        onEvent: (event) => emit({ type: 'run-event', run: task.run, event: event as never }),
        onLine: (line: string) => {
          if (line.trim() !== '') emit({ type: 'run-output', run: task.run, line });
        },
      },
    );
    state.record = await readRunRecord(runDir).catch(() => undefined);
    state.status =
      state.record?.status === 'completed'
        ? 'completed'
        : outcome.status === 'interrupted' || options.signal?.aborted
          ? 'interrupted'
          : 'failed';
    if (state.status === 'completed') finished += 1;
    if (state.status === 'failed') failed.push(state);
    emit({
      type: 'run-finished',
      run: task.run,
      status: state.status,
      finished,
      runs: plan.runs.length,
      ...(state.record?.metrics?.test ? { testAccuracy: state.record.metrics.test.accuracy } : {}),
      ...(outcome.error ? { error: outcome.error.message } : {}),
    });
    await save('running');
  };
  const worker = async () => {
    for (let task = queue.shift(); task && !options.signal?.aborted; task = queue.shift()) {
      await runTask(task);
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(parallel, queue.length)) }, worker),
    );
  } finally {
    if (!options.runner) await runner.close();
  }

  const status = decideExperimentStatus({
    interrupted: options.signal?.aborted === true,
    failed: failed.length,
  });
  const record = build(status);
  await experiment.writeRecord(record);
  await experiment.writeReport(formatExperimentReportMarkdown(parseExperimentRecord(record)));
  emit({ type: 'finished', status, record });
  return { dir: experiment.dir, status, record, runs: plan.runs.length, finished, failed };
}
