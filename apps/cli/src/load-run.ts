import type { LoadedDataset } from '@fmnist/dataset';
import type { RunRecord } from '@fmnist/metrics';
import { pathExists } from '@fmnist/runs';
import { failure } from './errors.js';
import { loadData } from './load-data.js';

/**
 * The data a run was trained on: `--data-dir` when given, else the directory its record names.
 *
 * @throws {CliError} when the record names no directory on disk and none was given.
 */
export async function loadRunData(
  record: RunRecord,
  dataDir: string | undefined,
): Promise<LoadedDataset> {
  if (dataDir !== undefined) return loadData({ dataDir });
  const source = record.data?.source;
  if (source === undefined || !(await pathExists(source.location))) {
    throw failure(
      `the run was trained on data at ${source?.location ?? '(not recorded)'}, which is not on this machine`,
      'Pass --data-dir <dir> with the same four IDX files.',
    );
  }
  return loadData({ dataDir: source.location });
}
