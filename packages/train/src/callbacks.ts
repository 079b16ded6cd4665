import type { HistoryEntry } from './history.js';

/** What a callback may look at and do at the end of an epoch. */
export interface CallbackContext {
  /** The epoch just finished, from 1. */
  epoch: number;
  /** Its history entry. */
  logs: HistoryEntry;
  /** Ask the loop to stop after this epoch, saying why. */
  stop(reason: string): void;
  /** The optimizer's learning rate now. */
  getLearningRate(): number;
  /** Change the optimizer's learning rate from the next batch on. */
  setLearningRate(learningRate: number): void;
  /** The model's weights now, as plain arrays (a copy). */
  getWeights(): Float32Array[];
  /** Replace the model's weights (same order and sizes as {@link getWeights}). */
  setWeights(weights: Float32Array[]): void;
  /** Record something the callback did in the run's events. */
  note(message: string): void;
}

/**
 * A training callback. Its state goes into every checkpoint, so a resumed run carries on with
 * the same patience counters and best values.
 */
export interface Callback {
  /** A stable name, the key of its state in checkpoints and of its config in the record. */
  readonly name: string;
  /** Its settings, for the run record. */
  config(): Record<string, unknown>;
  /** Called after each epoch's history entry is complete. */
  onEpochEnd(context: CallbackContext): void;
  /** Called once when training ends for any reason but a failure. */
  onTrainEnd?(context: Omit<CallbackContext, 'epoch' | 'logs'> & { stopped: boolean }): void;
  /** JSON state for checkpoints. */
  getState(): unknown;
  /** Restore what {@link getState} gave. */
  setState(state: unknown): void;
}

/** A history field a callback can watch. */
export type Monitor = 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy';

/** Whether a smaller or larger value of the monitored quantity is better; `auto` infers it from the name. */
export type MonitorMode = 'auto' | 'min' | 'max';

/** Resolve `auto` as Keras does: accuracies are maximised, everything else minimised. */
export function resolveMode(monitor: Monitor, mode: MonitorMode): 'min' | 'max' {
  if (mode !== 'auto') return mode;
  return monitor.toLowerCase().includes('accuracy') ? 'max' : 'min';
}

/** True when `value` improves on `best` by more than `minDelta` in the given direction. */
export function isImprovement(
  value: number,
  best: number,
  mode: 'min' | 'max',
  minDelta: number,
): boolean {
  return mode === 'min' ? value < best - minDelta : value > best + minDelta;
}
