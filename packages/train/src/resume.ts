import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildModel, createOptimizer, parseSpec } from '@fmnist/models';
import type { Callback } from './callbacks.js';
import { type CheckpointState, loadCheckpoint } from './checkpoint.js';
import { type EarlyStoppingOptions, earlyStopping } from './early-stopping.js';
import { TrainError } from './errors.js';
import { setOptimizerState } from './optimizer-state.js';
import { readRunRecord } from './read-run.js';
import { type ReduceLrOnPlateauOptions, reduceLrOnPlateau } from './reduce-lr-on-plateau.js';
import { RUN_FILES } from './run-directory.js';
import type { BackendChoice } from './select-backend.js';
import {
  describeBackend,
  runEpochs,
  type TrainData,
  type TrainEvent,
  type TrainResult,
} from './train.js';

/** Options of {@link resume}. */
export interface ResumeOptions {
  /** The same data the run started with. */
  data: TrainData;
  signal?: AbortSignal;
  backend?: BackendChoice;
  onEvent?: (event: TrainEvent) => void;
}

/** Rebuild the callbacks a record lists (by name, with their recorded settings). */
export function callbacksFromConfig(configs: Record<string, unknown> = {}): Callback[] {
  return Object.entries(configs).map(([name, config]) => {
    if (name === 'earlyStopping') return earlyStopping(config as EarlyStoppingOptions);
    if (name === 'reduceLrOnPlateau') return reduceLrOnPlateau(config as ReduceLrOnPlateauOptions);
    throw new TrainError(
      'RUN_INVALID',
      `the run lists a callback named ${String(name)}, which this version cannot rebuild`,
    );
  });
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Carry on a run that was interrupted (or crashed) from its last completed epoch's checkpoint:
 * the interrupted epoch is redone from its start with the same shuffle, so the run ends with the
 * same weights and history as one never stopped (on the same backend).
 *
 * @throws {TrainError} `RUN_INVALID` when the directory holds no readable run or the run is
 * finished; `CHECKPOINT_INVALID` when its checkpoint is corrupt (nothing on disk is changed).
 */
export async function resume(runDir: string, options: ResumeOptions): Promise<TrainResult> {
  const record = await readRunRecord(runDir);
  if (record.status === 'completed') {
    throw new TrainError(
      'RUN_INVALID',
      `the run in ${runDir} is already completed; nothing to resume`,
    );
  }
  const spec = parseSpec(record.spec);
  const optimizer = createOptimizer(spec.optimizer);
  const checkpointDir = join(runDir, RUN_FILES.checkpoint);
  let model: ReturnType<typeof buildModel>;
  let checkpoint: CheckpointState;
  if ((await exists(checkpointDir)) || (await exists(`${checkpointDir}.old`))) {
    const loaded = await loadCheckpoint(checkpointDir);
    model = loaded.model;
    checkpoint = loaded.state;
    await setOptimizerState(optimizer, loaded.optimizer);
  } else {
    // Stopped during the first epoch: nothing was checkpointed, so start that epoch again.
    model = buildModel(spec, { seed: record.config.seed });
    checkpoint = {
      epoch: 0,
      rng: { seed: record.config.seed },
      history: [],
      events: [],
      callbacks: {},
    };
  }
  const callbacks = callbacksFromConfig(
    record.config.callbacks as Record<string, unknown> | undefined,
  );
  record.status = 'running';
  delete record.finishedAt;
  delete record.error;
  if (options.backend) record.environment = describeBackend(options.backend);
  return runEpochs({ record, spec, model, optimizer, checkpoint, callbacks }, options.data, {
    runDir,
    signal: options.signal,
    onEvent: options.onEvent,
    backend: options.backend,
  });
}
