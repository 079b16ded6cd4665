import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { decodePredictions, parseSweepRecord } from '@fmnist/metrics';
import {
  createTimestampedDirectory,
  pathExists,
  RUN_FILES,
  readRecordFile,
  runPaths,
  SWEEP_FILES,
  writeJsonAtomically,
} from '@fmnist/runs';
import { SweepError } from '../errors/sweep-error.js';
import { formatSweepTableMarkdown } from '../format/format-sweep-table-markdown.js';
import { formatSweepTableText } from '../format/format-sweep-table-text.js';
import {
  type ConfigurationRow,
  rankConfigurations,
  type TrialRun,
} from '../results/rank-configurations.js';
import { applyTrialParams, type TrialSetup } from '../space/apply-trial-params.js';
import type { TrialParams } from '../space/search-space.js';
import { validateSearchSpace } from '../space/validate-search-space.js';
import type { SweepJob, SweepJobResult } from '../strategies/create-scheduler.js';
import { planSweep, type SweepPlanOptions, type SweepRequest } from './plan-sweep.js';
import { type RunnerOutcome, runSweepJobs, type SweepRunner } from './run-sweep-jobs.js';

/** The files of a sweep directory: `@fmnist/runs`' layout, re-exported. */
export { SWEEP_FILES };

/** One run of a sweep in `sweep.json`: a configuration with one seed. */
export interface SweepRunEntry {
  configurationId: string;
  seed: number;
  /** Relative to the sweep directory. */
  path: string;
  status: 'pending' | 'running' | 'completed' | 'interrupted' | 'failed';
  epochs: number;
  valAccuracy?: number;
  valLoss?: number;
  error?: { message: string; code?: string };
  worker?: unknown;
}

/** A job that finished with a result, in the order results came: what `--resume` replays. */
export interface SweepJobEntry {
  id: string;
  result: SweepJobResult;
}

/** What `sweep.json` holds (schemaVersion 1; the schema is `@fmnist/metrics`' `sweepRecordSchema`). */
export interface SweepFile {
  schemaVersion: 1;
  id: string;
  name: string;
  createdAt: string;
  finishedAt?: string;
  status: 'running' | 'completed' | 'interrupted' | 'failed';
  space: Record<string, unknown>;
  plan: SweepPlanOptions;
  runner: { kind: 'local' | 'queue'; jobs: number; queue?: string };
  configurations: { id: string; params: TrialParams }[];
  runs: SweepRunEntry[];
  jobs: SweepJobEntry[];
  table: ConfigurationRow[];
  /** The chosen configuration retrained under the comparison's protocol, scored on the test set once. */
  retrain?: {
    configurationId: string;
    path: string;
    status: SweepRunEntry['status'];
    epochs: number;
    testAccuracy?: number;
    testLoss?: number;
  };
  wallSeconds: number;
}

/** One trial to run, as {@link RunSweepOptions.toRunnerArgs} is given it. */
export interface SweepTrialTask {
  job: SweepJob;
  /** Absolute path of its run directory (it exists; empty for a trial that starts). */
  runDir: string;
  /** The same, relative to the sweep directory (what a worker with its own `--out` resolves). */
  path: string;
  /** `start` a new run, or `resume` it (interrupted, taken up again, or extended by ASHA). */
  action: 'start' | 'resume';
  setup: TrialSetup;
  /** The holdout every trial validates on. */
  holdoutSeed: number;
  /** The retrain of the chosen configuration: the one run scored on the test set. */
  retrain?: boolean;
}

/** What {@link runSweep} reports as it goes. */
export type SweepEvent =
  | { type: 'planned'; dir: string; file: SweepFile; resumed: boolean; toRun: number }
  | { type: 'trial-started'; task: SweepTrialTask }
  | { type: 'trial-event'; job: SweepJob; event: unknown }
  | { type: 'trial-finished'; job: SweepJob; outcome: RunnerOutcome; result?: SweepJobResult }
  | { type: 'finished'; file: SweepFile };

/** Options of {@link runSweep}. */
export interface RunSweepOptions {
  /** A new sweep's search space, as its JSON (a file's, or a built-in's). */
  space?: Record<string, unknown>;
  request?: SweepRequest;
  /** Where new sweeps go; default `sweeps`. */
  out?: string;
  /** Carry on the sweep in this directory instead (its own space and plan). */
  resume?: string;
  runner: SweepRunner;
  /** How the trials run, for the record. */
  runnerInfo: SweepFile['runner'];
  /** The runner's arguments for one trial (the CLI: a TrainJob of `@fmnist/train`). */
  toRunnerArgs: (task: SweepTrialTask) => string[];
  /** The shared holdout's labels in holdout order, for McNemar between trials; none: no test. */
  holdoutLabels?: ArrayLike<number>;
  signal?: AbortSignal;
  onEvent?: (event: SweepEvent) => void;
  now?: () => Date;
  /**
   * Once the sweep is done, retrain its best configuration for this many epochs (with its batch
   * size, its first seed and the same holdout) as one more job, and score it on the test set —
   * the only time a sweep looks at it. Default: no retrain.
   */
  retrainEpochs?: number;
}

/** How a sweep ended. */
export interface SweepResult {
  dir: string;
  file: SweepFile;
}

const runPath = (configurationId: string, seed: number) =>
  `${SWEEP_FILES.runs}/${configurationId}-s${seed}`;

/** The record of a finished job's run: what its outcome carried, else what is on disk. */
async function readOutcomeRecord(
  outcome: RunnerOutcome,
  runDir: string,
): Promise<RunRecordLike | undefined> {
  if (outcome.record && typeof outcome.record === 'object') return outcome.record as RunRecordLike;
  const read = await readRecordFile(runDir, RUN_FILES.record);
  return read.ok ? (read.value as RunRecordLike) : undefined;
}

/** The parts of a RunRecord a sweep reads (loosely: it may come from another worker's version). */
interface RunRecordLike {
  status?: string;
  history?: { epoch: number; valAccuracy?: number; valLoss?: number }[];
  metrics?: { validation?: { accuracy: number; loss: number } };
  validationPredictions?: { predicted: string };
  error?: { message: string };
}

function isDiverged(outcome: RunnerOutcome, record: RunRecordLike | undefined): boolean {
  return (
    outcome.error?.code === 'LOSS_NOT_FINITE' ||
    (record?.status === 'failed' && /the loss became/.test(record.error?.message ?? ''))
  );
}

/**
 * Runs a sweep, or carries one on (`resume`): plans it (`planSweep`), gives each trial a run
 * directory under `<sweep>/runs/`, runs the trials through `runner` (local child processes, or a
 * queue) — ASHA's promotions resume a trial's run and extend it — and rewrites `sweep.json` after
 * every trial: the runs, the results in the order they came (which `--resume` replays into the
 * scheduler), and the result table ranked on the shared validation holdout. `report.md` at the end.
 * A diverged trial is a result (failed, ranked last, never retried); a trial that stopped without
 * one (interrupted, crashed) is run again by `--resume`, from its checkpoint.
 *
 * @throws {SweepError} for a space or plan that is not valid, or a `resume` directory that holds no sweep
 */
export async function runSweep(options: RunSweepOptions): Promise<SweepResult> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const emit = options.onEvent ?? (() => {});
  let dir: string;
  let file: SweepFile;
  let resumed = false;
  if (options.resume) {
    dir = resolve(options.resume);
    file = await readSweepFile(dir);
    resumed = true;
  } else {
    if (!options.space) {
      throw new SweepError(
        'INVALID_PLAN',
        'runSweep needs a search space, or a sweep directory to resume',
      );
    }
    const space = validateSearchSpace(options.space);
    const plan = planSweep(space, options.request);
    dir = await createTimestampedDirectory(options.out ?? 'sweeps', space.name, now());
    file = {
      schemaVersion: 1,
      id: randomUUID(),
      name: space.name,
      createdAt: now().toISOString(),
      status: 'running',
      space: options.space,
      plan: plan.options,
      runner: options.runnerInfo,
      configurations: plan.configurations.map(({ id, params }) => ({ id, params })),
      runs: plan.configurations.flatMap((configuration) =>
        plan.options.seeds.map((seed) => ({
          configurationId: configuration.id,
          seed,
          path: runPath(configuration.id, seed),
          status: 'pending' as const,
          epochs: 0,
        })),
      ),
      jobs: [],
      table: [],
      wallSeconds: 0,
    };
  }
  const space = validateSearchSpace(file.space);
  const plan = planSweep(space, {
    strategy: file.plan.strategy,
    trials: file.plan.trials,
    seeds: file.plan.seeds.length,
    epochs: file.plan.epochs,
    ...(file.plan.minEpochs === undefined ? {} : { minEpochs: file.plan.minEpochs }),
    ...(file.plan.reductionFactor === undefined
      ? {}
      : { reductionFactor: file.plan.reductionFactor }),
    seed: file.plan.seed,
  });
  if (
    JSON.stringify(plan.configurations.map((c) => c.params)) !==
    JSON.stringify(file.configurations.map((c) => c.params))
  ) {
    throw new SweepError(
      'INVALID_PLAN',
      `the sweep in ${dir} was planned by another version of fmnist (its configurations differ from what this one plans): resume it with that version, or start a new sweep`,
    );
  }
  if (resumed) file = { ...file, runner: options.runnerInfo, status: 'running' };
  const scheduler = plan.createScheduler();
  for (const entry of file.jobs) scheduler.report(entry.id, entry.result);

  const records = new Map<string, RunRecordLike>();
  const runOf = (job: SweepJob) =>
    file.runs.find(
      (run) => run.configurationId === job.configuration.id && run.seed === job.seed,
    ) as SweepRunEntry;
  // Wall time adds up over --resume sessions.
  const earlierSeconds = file.wallSeconds ?? 0;
  const save = async () => {
    file.table = rankTrials(file, records, options.holdoutLabels);
    file.wallSeconds = earlierSeconds + (Date.now() - started) / 1000;
    await writeJsonAtomically(join(dir, SWEEP_FILES.record), file);
  };
  // Records of runs already finished (for the table's McNemar tests), read back once.
  for (const run of file.runs) {
    if (run.status !== 'pending') {
      const record = await readOutcomeRecord({ id: '', status: 'completed' }, join(dir, run.path));
      if (record) records.set(run.path, record);
    }
  }
  await mkdir(join(dir, SWEEP_FILES.runs), { recursive: true });
  await save();
  emit({
    type: 'planned',
    dir,
    file,
    resumed,
    toRun: file.runs.filter((run) => run.status !== 'completed').length,
  });

  const tasks = new Map<string, SweepTrialTask>();
  const toTask = async (job: SweepJob): Promise<SweepTrialTask> => {
    const run = runOf(job);
    const runDir = join(dir, run.path);
    await mkdir(runDir, { recursive: true });
    const hasRun = await pathExists(runPaths(runDir).record);
    const task: SweepTrialTask = {
      job,
      runDir,
      path: run.path,
      action: job.fromEpochs > 0 || hasRun ? 'resume' : 'start',
      setup: { ...applyTrialParams(space, job.configuration.params), epochs: job.epochs },
      holdoutSeed: file.plan.holdoutSeed,
    };
    tasks.set(job.id, task);
    return task;
  };

  const outcome = await runSweepJobs({
    scheduler,
    slots: options.runnerInfo.jobs,
    ...(options.signal ? { signal: options.signal } : {}),
    runner: options.runner,
    toRunnerJob: async (job) => {
      const task = await toTask(job);
      const run = runOf(job);
      run.status = 'running';
      await save();
      emit({ type: 'trial-started', task });
      return {
        id: `${file.name}-${file.id.slice(0, 8)}/${job.id}`,
        args: options.toRunnerArgs(task),
      };
    },
    toResult: async (job, result) => {
      const task = tasks.get(job.id) as SweepTrialTask;
      const run = runOf(job);
      const record = await readOutcomeRecord(result, task.runDir);
      if (record) records.set(run.path, record);
      if (result.worker) run.worker = result.worker;
      const last = record?.history?.at(-1);
      run.epochs = last?.epoch ?? run.epochs;
      const valAccuracy = record?.metrics?.validation?.accuracy ?? last?.valAccuracy;
      const valLoss = record?.metrics?.validation?.loss ?? last?.valLoss;
      if (valAccuracy !== undefined) run.valAccuracy = valAccuracy;
      if (valLoss !== undefined) run.valLoss = valLoss;
      let sweepResult: SweepJobResult | undefined;
      if (result.status === 'completed' && valAccuracy !== undefined && !options.signal?.aborted) {
        run.status = 'completed';
        delete run.error;
        sweepResult = { status: 'completed', valAccuracy };
      } else if (isDiverged(result, record)) {
        run.status = 'failed';
        const message = result.error?.message ?? record?.error?.message ?? 'the loss diverged';
        run.error = { message, code: 'LOSS_NOT_FINITE' };
        sweepResult = { status: 'failed', reason: message };
      } else {
        run.status =
          result.status === 'interrupted' || options.signal?.aborted ? 'interrupted' : 'failed';
        run.error = result.error ?? { message: 'the trial ended without a result' };
      }
      if (sweepResult) file.jobs.push({ id: job.id, result: sweepResult });
      await save();
      emit({
        type: 'trial-finished',
        job,
        outcome: result,
        ...(sweepResult ? { result: sweepResult } : {}),
      });
      return sweepResult;
    },
    onEvent: (event) => {
      if (event.type === 'progress')
        emit({ type: 'trial-event', job: event.job, event: event.event });
    },
  });

  file.status = outcome.interrupted
    ? options.signal?.aborted
      ? 'interrupted'
      : 'failed'
    : 'completed';
  const best = file.table[0];
  if (
    file.status === 'completed' &&
    options.retrainEpochs &&
    best?.status === 'completed' &&
    file.retrain?.status !== 'completed'
  ) {
    const configuration = plan.configurations.find(
      (c) => c.id === best.configurationId,
    ) as SweepJob['configuration'];
    const path = `retrain/${configuration.id}-e${options.retrainEpochs}`;
    const runDir = join(dir, path);
    await mkdir(runDir, { recursive: true });
    const seed = file.plan.seeds[0] ?? 0;
    const job: SweepJob = {
      id: `${configuration.id}-s${seed}-retrain-e${options.retrainEpochs}`,
      configuration,
      seed,
      rung: -1,
      epochs: options.retrainEpochs,
      fromEpochs: 0,
    };
    const task: SweepTrialTask = {
      job,
      runDir,
      path,
      action: (await pathExists(runPaths(runDir).record)) ? 'resume' : 'start',
      setup: { ...applyTrialParams(space, configuration.params), epochs: options.retrainEpochs },
      holdoutSeed: file.plan.holdoutSeed,
      retrain: true,
    };
    file.retrain = {
      configurationId: configuration.id,
      path,
      status: 'running',
      epochs: options.retrainEpochs,
    };
    await save();
    emit({ type: 'trial-started', task });
    const result = await options.runner.run(
      { id: `${file.name}-${file.id.slice(0, 8)}/${job.id}`, args: options.toRunnerArgs(task) },
      {
        ...(options.signal ? { signal: options.signal } : {}),
        onEvent: (event) => emit({ type: 'trial-event', job, event }),
      },
    );
    const record = (await readOutcomeRecord(result, runDir)) as
      | (RunRecordLike & { metrics?: { test?: { accuracy: number; loss: number } } })
      | undefined;
    const test = record?.metrics?.test;
    file.retrain = {
      ...file.retrain,
      status: result.status === 'completed' ? 'completed' : result.status,
      ...(test ? { testAccuracy: test.accuracy, testLoss: test.loss } : {}),
    };
    if (file.retrain.status !== 'completed')
      file.status = options.signal?.aborted ? 'interrupted' : 'failed';
    emit({ type: 'trial-finished', job, outcome: result });
  }
  file.finishedAt = now().toISOString();
  await save();
  await writeFile(join(dir, SWEEP_FILES.report), formatSweepReport(file, dir));
  emit({ type: 'finished', file });
  return { dir, file };
}

function rankTrials(
  file: SweepFile,
  records: ReadonlyMap<string, RunRecordLike>,
  holdoutLabels: ArrayLike<number> | undefined,
): ConfigurationRow[] {
  const paramsOf = new Map(file.configurations.map((c) => [c.id, c.params]));
  const trials: TrialRun[] = file.runs
    .filter((run) => run.status !== 'pending')
    .map((run) => {
      const predictions = records.get(run.path)?.validationPredictions;
      let valCorrect: boolean[] | undefined;
      if (predictions && holdoutLabels) {
        const predicted = decodePredictions(predictions);
        if (predicted.length === holdoutLabels.length) {
          valCorrect = Array.from(predicted, (p, i) => p === holdoutLabels[i]);
        }
      }
      return {
        configurationId: run.configurationId,
        params: paramsOf.get(run.configurationId) ?? {},
        seed: run.seed,
        epochs: run.epochs,
        status: run.status === 'pending' ? 'running' : run.status,
        ...(run.valAccuracy === undefined ? {} : { valAccuracy: run.valAccuracy }),
        ...(run.valLoss === undefined ? {} : { valLoss: run.valLoss }),
        ...(valCorrect ? { valCorrect } : {}),
        ...(run.error ? { failure: run.error.message } : {}),
      };
    });
  return rankConfigurations(trials);
}

/**
 * Reads `sweep.json` of a sweep directory (for `--resume` and `fmnist compare`) through
 * `@fmnist/runs`' record reader (a regular file inside the directory, bounded) and checks it
 * against `@fmnist/metrics`' sweep schema.
 *
 * @throws {SweepError} `INVALID_PLAN` when the directory has no sweep.json, or one that cannot be
 * read or is not a sweep record, saying which.
 */
export async function readSweepFile(dir: string): Promise<SweepFile> {
  const read = await readRecordFile(dir, SWEEP_FILES.record);
  if (!read.ok) {
    throw new SweepError(
      'INVALID_PLAN',
      read.reason === 'missing'
        ? `found no sweep in ${dir}: ${SWEEP_FILES.record} is missing; give the directory a sweep made (sweeps/<name>-<time>)`
        : `cannot read ${join(dir, SWEEP_FILES.record)}: ${read.message}`,
    );
  }
  try {
    // The schema is the one sweep.json is written to; SweepFile is its writer's view.
    return parseSweepRecord(read.value) as unknown as SweepFile;
  } catch (cause) {
    throw new SweepError(
      'INVALID_PLAN',
      `${read.path} is not a sweep record fmnist can read: ${(cause as Error).message}`,
      { cause },
    );
  }
}

/** Options of {@link formatSweepReport}. */
export interface FormatSweepReportOptions {
  /** `markdown` (default; `report.md`) or `text` for a terminal (`fmnist compare <sweep dir>`). */
  format?: 'markdown' | 'text';
}

/** `report.md` of a sweep (or the same for a terminal): what it searched, how, and the ranked table. */
export function formatSweepReport(
  file: SweepFile,
  dir: string,
  options: FormatSweepReportOptions = {},
): string {
  const text = options.format === 'text';
  const plan = file.plan;
  const rungs =
    plan.minEpochs === undefined
      ? `${plan.epochs} epochs`
      : `${plan.minEpochs} → ${plan.epochs} epochs (η = ${plan.reductionFactor})`;
  const best = file.table[0];
  return [
    text ? `Sweep ${file.name}` : `# Sweep ${file.name}`,
    '',
    `${plan.strategy}, ${plan.trials} configurations × ${plan.seeds.length} seed${plan.seeds.length === 1 ? '' : 's'}, ${rungs}; ` +
      `holdout seed ${plan.holdoutSeed} shared by every trial; ${file.runner.kind} runner, ${file.runner.jobs} at a time${file.runner.queue ? ` on ${file.runner.queue}` : ''}.`,
    `Status: ${file.status}; wall time ${file.wallSeconds.toFixed(0)} s. Ranked on the validation holdout only: the test set was not looked at.`,
    '',
    text ? formatSweepTableText(file.table) : formatSweepTableMarkdown(file.table),
    '',
    best
      ? `Best: ${best.configurationId} (${JSON.stringify(best.params)}). McNemar's exact test compares each of the next rows with it on the shared holdout (p, and the holdout images only that row / only the best got right).`
      : 'No configuration finished.',
    '',
    file.retrain
      ? `Retrained ${file.retrain.configurationId} for ${file.retrain.epochs} epochs (${file.retrain.path}): ${file.retrain.status}${file.retrain.testAccuracy === undefined ? '' : `, test accuracy ${file.retrain.testAccuracy.toFixed(4)}, test loss ${(file.retrain.testLoss ?? Number.NaN).toFixed(4)} — the one look at the test set`}.`
      : 'Not retrained yet: retrain the best under the protocol it is compared under (--retrain-epochs) and score it on the test set once.',
    '',
    `Runs: ${relative(process.cwd(), join(dir, SWEEP_FILES.runs)) || '.'}`,
    '',
  ].join('\n');
}
