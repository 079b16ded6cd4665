import { resolve } from 'node:path';
import type { ExperimentRecord, RunRecord } from '@fmnist/metrics';
import { EXPERIMENT_FILES, RUN_FILES } from './layout.js';
import { experimentPaths, readExperimentRecord } from './open-experiment.js';
import { runPaths } from './open-run.js';
import { pathExists } from './path-exists.js';
import { readRunRecord } from './read-run-record.js';
import { RunsError } from './runs-error.js';

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

/**
 * Read run directories and experiment directories (with each experiment's runs).
 *
 * @throws {RunsError} `RUN_INVALID` for a directory that is neither, `RUN_INVALID` or
 * `EXPERIMENT_INVALID` for an unreadable record.
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
    if (await pathExists(runPaths(dir).record)) {
      await addRun(dir);
      continue;
    }
    if (!(await pathExists(experimentPaths(dir).record))) {
      throw new RunsError(
        'RUN_INVALID',
        `expected a run directory (with ${RUN_FILES.record}) or an experiment directory (with ${EXPERIMENT_FILES.record}), found neither in ${dir}: ` +
          'pass directories that fmnist train or fmnist experiment wrote, e.g. runs/mlp-adam-20250101-120000',
      );
    }
    const record = await readExperimentRecord(dir);
    const runs: RunOnDisk[] = [];
    for (const run of record.runs) {
      const runDir = resolve(dir, run.path);
      if (await pathExists(runPaths(runDir).record)) runs.push(await addRun(runDir));
    }
    result.experiments.push({ dir, record, runs });
  }
  return result;
}
