import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedDataset } from '@fmnist/dataset';
import { parseRunRecord, type RunRecord } from '@fmnist/metrics';
import { loadModel } from '@fmnist/models';
import { RUN_FILES } from '@fmnist/train';
import type * as tf from '@tensorflow/tfjs';
import { failure } from './errors.js';
import { loadData } from './load-data.js';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Read and check a run directory's `run.json`.
 *
 * @throws {CliError} when the directory has no readable record.
 */
export async function readRunRecord(runDir: string): Promise<RunRecord> {
  const path = join(runDir, RUN_FILES.record);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw failure(
      `expected a run directory with ${RUN_FILES.record}, found none at ${path}`,
      'Pass a directory that fmnist train wrote, e.g. runs/mlp-adam-20250101-120000.',
      error,
    );
  }
  try {
    return parseRunRecord(JSON.parse(text));
  } catch (error) {
    throw failure(
      `${path} is not a valid run record: ${(error as Error).message}`,
      'The file is damaged or from another tool; train the run again.',
      error,
    );
  }
}

/**
 * The trained model of a run: `model/` when it completed, else the last completed epoch's
 * `checkpoint/model` (an interrupted or failed run), with which one it was.
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
  throw failure(
    `the run in ${runDir} (status ${record.status}) has no saved model: neither ${RUN_FILES.model}/ nor a checkpoint of a finished epoch`,
    `Resume it with: fmnist train --resume ${runDir}`,
  );
}

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
  if (source === undefined || !(await exists(source.location))) {
    throw failure(
      `the run was trained on data at ${source?.location ?? '(not recorded)'}, which is not on this machine`,
      'Pass --data-dir <dir> with the same four IDX files.',
    );
  }
  return loadData({ dataDir: source.location });
}
