import { parseRunRecord, type RunRecord } from '@fmnist/metrics';
import { RUN_FILES } from './layout.js';
import { runPaths } from './open-run.js';
import { readCheckedRecord } from './read-checked-record.js';

/**
 * Read and check a run directory's record.
 *
 * @throws {RunsError} `RUN_INVALID` when there is no record or it is not a valid RunRecord.
 */
export function readRunRecord(runDir: string): Promise<RunRecord> {
  return readCheckedRecord(runPaths(runDir).record, parseRunRecord, {
    code: 'RUN_INVALID',
    expected: `expected a run directory with ${RUN_FILES.record}`,
    example: 'fmnist train wrote, e.g. runs/mlp-adam-20250101-120000',
    what: 'run record',
    remedy: 'train the run again',
  });
}
