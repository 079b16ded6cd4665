import type { RunRecord } from '@fmnist/metrics';
import { loadModel } from '@fmnist/models';
import type { RunHandle } from '@fmnist/runs';
import type * as tf from '@tensorflow/tfjs';
import { TrainError } from './errors.js';

/**
 * The trained model of a run: `model/` when it completed, else the last completed epoch's
 * checkpoint model (an interrupted or failed run), with which one it was.
 *
 * @throws {TrainError} `RUN_INVALID` when the run has neither.
 */
export async function loadRunModel(
  run: Pick<RunHandle, 'dir' | 'findModel'>,
  record: RunRecord,
): Promise<{ model: tf.LayersModel; from: 'model' | 'checkpoint'; epoch: number }> {
  const found = await run.findModel();
  if (found === undefined) {
    throw new TrainError(
      'RUN_INVALID',
      `the run in ${run.dir} (status ${record.status}) has no saved model: neither a trained model ` +
        `nor a checkpoint of a finished epoch. Resume it with: fmnist train --resume ${run.dir}`,
    );
  }
  return {
    model: await loadModel(found.dir),
    from: found.from,
    epoch: found.from === 'model' ? record.history.length : (record.history.at(-1)?.epoch ?? 0),
  };
}
