/**
 * The files of a run directory (DESIGN.md's contract), relative to it. Only `@fmnist/runs` spells
 * these names; everyone else asks a {@link RunHandle} for its paths.
 */
export const RUN_FILES = {
  record: 'run.json',
  model: 'model',
  checkpoint: 'checkpoint',
  report: 'report.md',
  lock: '.lock',
} as const;

/** The files of a checkpoint directory, relative to it. */
export const CHECKPOINT_FILES = {
  state: 'state.json',
  optimizer: 'optimizer.bin',
  model: 'model',
} as const;

/** The files of an experiment directory, relative to it. */
export const EXPERIMENT_FILES = {
  record: 'experiment.json',
  report: 'report.md',
  runs: 'runs',
} as const;

/** The files of a sweep directory (`@fmnist/sweep`), relative to it. */
export const SWEEP_FILES = {
  record: 'sweep.json',
  report: 'report.md',
  runs: 'runs',
} as const;

/** What a directory of records is: a run, an experiment or a sweep. */
export type RecordKind = 'run' | 'experiment' | 'sweep';

/** The record file that makes a directory a run, an experiment or a sweep. */
export const RECORD_FILES = {
  run: RUN_FILES.record,
  experiment: EXPERIMENT_FILES.record,
  sweep: SWEEP_FILES.record,
} as const satisfies Record<RecordKind, string>;

/** The file a saved tfjs LayersModel directory always holds. */
export const MODEL_FILE = 'model.json';

/** `yyyymmdd-hhmmss` in UTC, the time part of a run or experiment directory's name. */
export function formatRunTimestamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}-` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`
  );
}

/** A name safe for a folder: letters, digits, dot, dash and underscore. */
export function toRunName(name: string): string {
  // At most 100 characters: a file name has 255 bytes, and the timestamp follows.
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 100)
    .replace(/^-+|-+$/g, '');
  return safe || 'run';
}

/** The parts of a directory name `<name>-<yyyymmdd-hhmmss>[-<n>]`. */
export interface RunDirectoryName {
  name: string;
  timestamp: string;
  /** 1 without a suffix, else the `-<n>` added on a collision. */
  n: number;
}

const DIRECTORY_NAME = /^(.+)-(\d{8}-\d{6})(?:-(\d+))?$/;

/** Split a run or experiment directory's base name, or undefined when it is not one. */
export function parseRunDirectoryName(base: string): RunDirectoryName | undefined {
  const match = DIRECTORY_NAME.exec(base);
  if (!match) return undefined;
  return {
    name: match[1] as string,
    timestamp: match[2] as string,
    n: match[3] === undefined ? 1 : Number(match[3]),
  };
}
