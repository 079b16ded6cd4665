import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRunRecord, type RunRecord } from '@fmnist/metrics';
import { RUN_FILES } from './layout.js';
import { RunsError } from './runs-error.js';

/**
 * Read and check a run directory's record.
 *
 * @throws {RunsError} `RUN_INVALID` when there is no record or it is not a valid RunRecord.
 */
export async function readRunRecord(runDir: string): Promise<RunRecord> {
  const path = join(runDir, RUN_FILES.record);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RunsError(
      'RUN_INVALID',
      `expected a run directory with ${RUN_FILES.record}, found none at ${path}: pass a directory ` +
        'that fmnist train wrote, e.g. runs/mlp-adam-20250101-120000',
      { cause: error },
    );
  }
  try {
    return parseRunRecord(text);
  } catch (error) {
    throw new RunsError(
      'RUN_INVALID',
      `${path} is not a valid run record: ${(error as Error).message}. ` +
        'The file is damaged or from another tool; train the run again.',
      { cause: error },
    );
  }
}
