import { readFile } from 'node:fs/promises';
import { checkpointPaths } from '@fmnist/runs';

/**
 * The epoch a checkpoint directory holds (from its state), where a resume carries on; undefined
 * when its state cannot be read. A run's checkpoint, not its `run.json`, says where training
 * carries on: it is written first, so it can be one epoch ahead of the record.
 */
export async function readCheckpointEpoch(dir: string): Promise<number | undefined> {
  try {
    const state = JSON.parse(await readFile(checkpointPaths(dir).state, 'utf8')) as {
      epoch?: unknown;
    };
    return typeof state.epoch === 'number' ? state.epoch : undefined;
  } catch {
    return undefined;
  }
}
