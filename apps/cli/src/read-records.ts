import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type ExperimentRecord, parseExperimentRecord, type RunRecord } from '@fmnist/metrics';
import { RUN_FILES, readRunRecord } from '@fmnist/runs';
import { displayPath } from './display-path.js';
import { failure } from './errors.js';
import { EXPERIMENT_FILE } from './experiment-files.js';

/** A run read from disk, with its directory. */
export interface RunOnDisk {
  dir: string;
  record: RunRecord;
}

/** What a list of run and experiment directories holds. */
export interface RecordsOnDisk {
  /** Every run: those named, then each experiment's, in order, without repeats. */
  runs: RunOnDisk[];
  experiments: { dir: string; record: ExperimentRecord; runs: RunOnDisk[] }[];
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Read run directories (with run.json) and experiment directories (with experiment.json).
 *
 * @throws {CliError} for a directory that is neither, or an unreadable record.
 */
export async function readRecords(dirs: readonly string[]): Promise<RecordsOnDisk> {
  const result: RecordsOnDisk = { runs: [], experiments: [] };
  const seen = new Set<string>();
  const addRun = async (dir: string) => {
    const run = { dir, record: await readRunRecord(dir) };
    if (!seen.has(dir)) {
      seen.add(dir);
      result.runs.push(run);
    }
    return run;
  };
  for (const given of dirs) {
    const dir = resolve(given);
    if (await exists(join(dir, RUN_FILES.record))) {
      await addRun(dir);
      continue;
    }
    const file = join(dir, EXPERIMENT_FILE);
    if (!(await exists(file))) {
      throw failure(
        `expected a run directory (with ${RUN_FILES.record}) or an experiment directory (with ${EXPERIMENT_FILE}), found neither in ${displayPath(dir)}`,
        'Pass directories that fmnist train or fmnist experiment wrote, e.g. runs/mlp-adam-20250101-120000.',
      );
    }
    let record: ExperimentRecord;
    try {
      record = parseExperimentRecord(await readFile(file, 'utf8'));
    } catch (error) {
      throw failure(
        `${displayPath(file)} is not a valid experiment record: ${(error as Error).message}`,
        'The file is damaged or from another tool; run the experiment again.',
        error,
      );
    }
    const runs: RunOnDisk[] = [];
    for (const run of record.runs) {
      const runDir = join(dir, run.path);
      if (await exists(join(runDir, RUN_FILES.record))) runs.push(await addRun(runDir));
    }
    result.experiments.push({ dir, record, runs });
  }
  return result;
}
