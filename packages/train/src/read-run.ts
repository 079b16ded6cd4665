import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRunRecord, type RunRecord } from '@fmnist/metrics';
import { loadModel } from '@fmnist/models';
import type * as tf from '@tensorflow/tfjs';
import { TrainError } from './errors.js';
import { RUN_FILES } from './run-directory.js';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Read and check a run directory's `run.json`.
 *
 * @throws {TrainError} `RUN_INVALID` when there is no record or it is not a valid RunRecord.
 */
export async function readRunRecord(runDir: string): Promise<RunRecord> {
  const path = join(runDir, RUN_FILES.record);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TrainError(
      'RUN_INVALID',
      `expected a run directory with ${RUN_FILES.record}, found none at ${path}: pass a directory ` +
        'that fmnist train wrote, e.g. runs/mlp-adam-20250101-120000',
      { cause: error },
    );
  }
  try {
    return parseRunRecord(text);
  } catch (error) {
    throw new TrainError(
      'RUN_INVALID',
      `${path} is not a valid run record: ${(error as Error).message}. ` +
        'The file is damaged or from another tool; train the run again.',
      { cause: error },
    );
  }
}

/**
 * The trained model of a run: `model/` when it completed, else the last completed epoch's
 * `checkpoint/model` (an interrupted or failed run), with which one it was.
 *
 * @throws {TrainError} `RUN_INVALID` when the run has neither.
 */
export async function loadRunModel(
  runDir: string,
  record: RunRecord,
): Promise<{ model: tf.LayersModel; from: 'model' | 'checkpoint'; epoch: number }> {
  const modelDir = join(runDir, RUN_FILES.model);
  if (await exists(join(modelDir, 'model.json'))) {
    return { model: await loadModel(modelDir), from: 'model', epoch: record.history.length };
  }
  for (const dir of [RUN_FILES.checkpoint, `${RUN_FILES.checkpoint}.old`]) {
    const checkpointModel = join(runDir, dir, 'model');
    if (await exists(join(checkpointModel, 'model.json'))) {
      return {
        model: await loadModel(checkpointModel),
        from: 'checkpoint',
        epoch: record.history.at(-1)?.epoch ?? 0,
      };
    }
  }
  throw new TrainError(
    'RUN_INVALID',
    `the run in ${runDir} (status ${record.status}) has no saved model: neither ${RUN_FILES.model}/ ` +
      `nor a checkpoint of a finished epoch. Resume it with: fmnist train --resume ${runDir}`,
  );
}
