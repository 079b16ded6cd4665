import { join, resolve } from 'node:path';
import type { RunRecord } from '@fmnist/metrics';
import { createTimestampedDirectory } from './create-directory.js';
import { CHECKPOINT_FILES, MODEL_FILE, RUN_FILES } from './layout.js';
import {
  type LockRunDirectoryOptions,
  lockRunDirectory,
  type RunLock,
} from './lock-run-directory.js';
import { pathExists } from './path-exists.js';
import { readRunRecord } from './read-run-record.js';
import { removeLeftovers } from './remove-leftovers.js';
import { RunsError } from './runs-error.js';
import { writeFileAtomically } from './write-file-atomically.js';
import { writeRecord } from './write-record.js';

/** Where the parts of one run directory are. */
export interface RunPaths {
  /** `run.json`. */
  record: string;
  /** `model/`: the trained model (tfjs LayersModel format), when the run completed. */
  model: string;
  /** `checkpoint/`: the last completed epoch. */
  checkpoint: string;
  /** `report.md`. */
  report: string;
}

/**
 * One run directory, opened: its paths, its record's reads and atomic writes, and (unless opened
 * with `lock: false`) the lock that keeps other processes out until {@link RunHandle.close}.
 */
export interface RunHandle {
  /** The directory (absolute). */
  readonly dir: string;
  readonly paths: RunPaths;
  /** The held lock; undefined when opened with `lock: false`. */
  readonly lock: RunLock | undefined;
  readRecord(): Promise<RunRecord>;
  /** Replace `run.json` atomically (a stopped record on a full disk: in place, see writeRecord). */
  writeRecord(record: RunRecord): Promise<void>;
  /** Replace `report.md` atomically. */
  writeReport(markdown: string): Promise<void>;
  /**
   * The saved model to load: `model/` when the run completed, else the last completed epoch's
   * checkpoint model (`checkpoint/`, or `checkpoint.old/` mid-swap); undefined when there is none.
   */
  findModel(): Promise<{ dir: string; from: 'model' | 'checkpoint' } | undefined>;
  /** The checkpoint directory to read (`checkpoint/`, or `checkpoint.old/` mid-swap), if any. */
  findCheckpoint(): Promise<string | undefined>;
  /** Release the lock. */
  close(): Promise<void>;
}

/** Options of {@link openRun} and {@link createRun}. */
export interface OpenRunOptions {
  /** Lock the directory (default), with these settings; `false` to only read it. */
  lock?: LockRunDirectoryOptions | false;
}

/** The paths of a run directory, without opening it. */
export function runPaths(dir: string): RunPaths {
  return {
    record: join(dir, RUN_FILES.record),
    model: join(dir, RUN_FILES.model),
    checkpoint: join(dir, RUN_FILES.checkpoint),
    report: join(dir, RUN_FILES.report),
  };
}

/** The files inside a checkpoint directory. */
export function checkpointPaths(dir: string): { state: string; optimizer: string; model: string } {
  return {
    state: join(dir, CHECKPOINT_FILES.state),
    optimizer: join(dir, CHECKPOINT_FILES.optimizer),
    model: join(dir, CHECKPOINT_FILES.model),
  };
}

/** Whether `dir` holds a saved tfjs model (its `model.json`). */
export function hasSavedModel(dir: string): Promise<boolean> {
  return pathExists(join(dir, MODEL_FILE));
}

/**
 * Open an existing run directory (to resume or read it).
 *
 * @throws {RunsError} `RUN_INVALID` when there is no such directory; `RUN_LOCKED` when another
 * live process holds it.
 */
export async function openRun(dir: string, options: OpenRunOptions = {}): Promise<RunHandle> {
  const absolute = resolve(dir);
  if (!(await pathExists(absolute))) {
    throw new RunsError(
      'RUN_INVALID',
      `expected a run directory, found nothing at ${absolute}: pass a directory that fmnist train ` +
        'wrote, e.g. runs/mlp-adam-20250101-120000',
    );
  }
  const lock = options.lock === false ? undefined : await lockRunDirectory(absolute, options.lock);
  // The lock holder is the only writer: temporary files of crashed writes can go.
  if (lock) await removeLeftovers(absolute);
  const paths = runPaths(absolute);
  const findCheckpoint = async () => {
    for (const candidate of [paths.checkpoint, `${paths.checkpoint}.old`]) {
      if (await pathExists(checkpointPaths(candidate).state)) return candidate;
    }
    return undefined;
  };
  return {
    dir: absolute,
    paths,
    lock,
    readRecord: () => readRunRecord(absolute),
    writeRecord: (record) => writeRecord(paths.record, record),
    writeReport: (markdown) => writeFileAtomically(paths.report, markdown),
    findCheckpoint,
    async findModel() {
      if (await hasSavedModel(paths.model)) return { dir: paths.model, from: 'model' };
      for (const candidate of [paths.checkpoint, `${paths.checkpoint}.old`]) {
        const model = checkpointPaths(candidate).model;
        if (await hasSavedModel(model)) return { dir: model, from: 'checkpoint' };
      }
      return undefined;
    },
    close: async () => lock?.release(),
  };
}

/** Options of {@link createRun}. */
export interface CreateRunOptions extends OpenRunOptions {
  /** The time in the directory's name; default now. */
  now?: Date;
}

/**
 * Make a new run directory `<outDir>/<name>-<yyyymmdd-hhmmss UTC>[-<n>]` and open it, locked.
 */
export async function createRun(
  outDir: string,
  name: string,
  options: CreateRunOptions = {},
): Promise<RunHandle> {
  const dir = await createTimestampedDirectory(resolve(outDir), name, options.now);
  return openRun(dir, options);
}
