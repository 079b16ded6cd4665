import { buildModel, createOptimizer, parseSpec } from '@fmnist/models';
import { type RunHandle, setRunStatus } from '@fmnist/runs';
import type { Callback } from './callbacks.js';
import { type CheckpointState, loadCheckpoint } from './checkpoint.js';
import { type EarlyStoppingOptions, earlyStopping } from './early-stopping.js';
import { TrainError } from './errors.js';
import { setOptimizerState } from './optimizer-state.js';
import { type ReduceLrOnPlateauOptions, reduceLrOnPlateau } from './reduce-lr-on-plateau.js';
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
  /**
   * A new epoch budget, above the recorded one: train on to this many epochs (ASHA's promotion
   * of a trial). A completed run may be extended this way; its final metrics are measured again.
   */
  epochs?: number;
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

/**
 * Carry on a run (opened with `@fmnist/runs`' `openRun`) that was interrupted (or crashed) from its last completed epoch's checkpoint:
 * the interrupted epoch is redone from its start with the same shuffle, so the run ends with the
 * same weights and history as one never stopped (on the same backend).
 *
 * @throws {TrainError} `RUN_INVALID` when the directory holds no readable run or the run is
 * finished; `CHECKPOINT_INVALID` when its checkpoint is corrupt (nothing on disk is changed).
 */
export async function resume(run: RunHandle, options: ResumeOptions): Promise<TrainResult> {
  const record = await run.readRecord();
  const extend = options.epochs;
  if (extend !== undefined && (!Number.isInteger(extend) || extend < record.config.epochs)) {
    throw new TrainError(
      'INVALID_OPTION',
      `epochs must be a whole number of at least the run's ${record.config.epochs} to extend it, got ${extend}`,
    );
  }
  const extending = extend !== undefined && extend > record.config.epochs;
  if (record.status === 'completed' && !extending) {
    throw new TrainError(
      'RUN_INVALID',
      `the run in ${run.dir} is already completed; nothing to resume (pass a larger epochs to extend it)`,
    );
  }
  const spec = parseSpec(record.spec);
  const optimizer = createOptimizer(spec.optimizer);
  let model: ReturnType<typeof buildModel>;
  let checkpoint: CheckpointState;
  if ((await run.findCheckpoint()) !== undefined) {
    const loaded = await loadCheckpoint(run.paths.checkpoint);
    model = loaded.model;
    checkpoint = loaded.state;
    await setOptimizerState(optimizer, loaded.optimizer, { source: run.paths.checkpoint });
    if (checkpoint.epoch > record.config.epochs) {
      throw new TrainError(
        'CHECKPOINT_INVALID',
        `the checkpoint in ${run.paths.checkpoint} says epoch ${checkpoint.epoch}, past the run's ${record.config.epochs} epochs: it is damaged or from another run. The run directory was left as it is; start a new run.`,
      );
    }
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
  // The record's `interrupted` events are not in the checkpoint (written before them): keep them.
  const kept = (record.events ?? []).filter(
    (e) =>
      e.type === 'interrupted' &&
      !checkpoint.events.some((c) => c.type === e.type && c.epoch === e.epoch),
  );
  if (kept.length > 0) checkpoint = { ...checkpoint, events: [...checkpoint.events, ...kept] };
  const callbacks = callbacksFromConfig(
    record.config.callbacks as Record<string, unknown> | undefined,
  );
  if (extending) {
    const from = record.config.epochs;
    record.config.epochs = extend;
    const message = `epoch budget extended from ${from} to ${extend}`;
    // The loop writes the checkpoint's events into the record.
    checkpoint = {
      ...checkpoint,
      events: [...checkpoint.events, { epoch: checkpoint.epoch, type: 'extended', message }],
    };
  }
  if (extending && record.status === 'completed') {
    // Not the same run started again (which setRunStatus refuses): it carries on past its budget.
    record.status = 'running';
    delete record.finishedAt;
  }
  // A run whose process was killed is still `running` in its record; its lock was taken over.
  if (record.status !== 'running') setRunStatus(record, 'running');
  if (options.backend) record.environment = describeBackend(options.backend);
  return runEpochs({ record, spec, model, optimizer, checkpoint, callbacks }, options.data, {
    run,
    signal: options.signal,
    onEvent: options.onEvent,
    backend: options.backend,
  });
}
