import { join, resolve } from 'node:path';
import {
  type ExperimentRecord,
  type ExperimentRecordInput,
  parseExperimentRecord,
} from '@fmnist/metrics';
import { createTimestampedDirectory } from './create-directory.js';
import { type ExperimentConfig, parseExperimentConfig } from './experiment-config.js';
import { EXPERIMENT_FILES } from './layout.js';
import { readCheckedRecord } from './read-checked-record.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** What `experiment.json` holds beyond the schema: how to go on, and the time spent. */
export type ExperimentFile = ExperimentRecordInput & {
  config: ExperimentConfig;
  wallSeconds: number;
};

/** Where the parts of one experiment directory are. */
export interface ExperimentPaths {
  /** `experiment.json`. */
  record: string;
  /** `report.md`. */
  report: string;
  /** `runs/`: its run directories. */
  runs: string;
}

/** One experiment directory: its paths and its record's reads and atomic writes. */
export interface ExperimentHandle {
  /** The directory (absolute). */
  readonly dir: string;
  readonly paths: ExperimentPaths;
  /**
   * Read and check `experiment.json` with its `config`.
   *
   * @throws {RunsError} `EXPERIMENT_INVALID` when it is missing or not valid.
   */
  readRecord(): Promise<ExperimentFile>;
  /** Replace `experiment.json` atomically; writes go one after another, so the last one wins. */
  writeRecord(record: ExperimentFile): Promise<void>;
  /** Replace `report.md` atomically. */
  writeReport(markdown: string): Promise<void>;
}

/** The paths of an experiment directory, without opening it. */
export function experimentPaths(dir: string): ExperimentPaths {
  return {
    record: join(dir, EXPERIMENT_FILES.record),
    report: join(dir, EXPERIMENT_FILES.report),
    runs: join(dir, EXPERIMENT_FILES.runs),
  };
}

/**
 * Read and check an experiment directory's `experiment.json` against the ExperimentRecord schema.
 *
 * @throws {RunsError} `EXPERIMENT_INVALID` when it is missing or not valid.
 */
export function readExperimentRecord(dir: string): Promise<ExperimentRecord> {
  return readCheckedRecord(experimentPaths(dir).record, parseExperimentRecord, {
    code: 'EXPERIMENT_INVALID',
    expected: `expected an experiment directory with ${EXPERIMENT_FILES.record}`,
    example: 'fmnist experiment wrote, e.g. experiments/notebook-20250101-120000',
    what: 'experiment record',
    remedy: 'start a new experiment',
  });
}

/**
 * Read an experiment directory's `experiment.json` with its `config` (what a resume needs), checked.
 *
 * @throws {RunsError} `EXPERIMENT_INVALID` when it is missing, not valid, or has no usable config.
 */
export async function readExperimentFile(dir: string): Promise<ExperimentFile> {
  const record = await readExperimentRecord(dir);
  const config = parseExperimentConfig(record.config, experimentPaths(dir).record);
  const wallSeconds = typeof record.wallSeconds === 'number' ? record.wallSeconds : 0;
  return { ...record, config, wallSeconds };
}

/** Open an existing experiment directory. Nothing is read until {@link ExperimentHandle.readRecord}. */
export function openExperiment(dir: string): ExperimentHandle {
  const absolute = resolve(dir);
  const paths = experimentPaths(absolute);
  let writing = Promise.resolve();
  return {
    dir: absolute,
    paths,
    readRecord: () => readExperimentFile(absolute),
    writeRecord(record) {
      const text = `${JSON.stringify(record, null, 2)}\n`;
      writing = writing.catch(() => {}).then(() => writeFileAtomically(paths.record, text));
      return writing;
    },
    writeReport: (markdown) => writeFileAtomically(paths.report, markdown),
  };
}

/** Make a new experiment directory `<outDir>/<suite>-<yyyymmdd-hhmmss UTC>[-<n>]` and open it. */
export async function createExperiment(
  outDir: string,
  suite: string,
  options: { now?: Date } = {},
): Promise<ExperimentHandle> {
  return openExperiment(await createTimestampedDirectory(resolve(outDir), suite, options.now));
}
