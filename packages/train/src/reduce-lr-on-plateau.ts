import {
  type Callback,
  isImprovement,
  type Monitor,
  type MonitorMode,
  resolveMode,
} from './callbacks.js';
import { TrainError } from './errors.js';

/** Options of {@link reduceLrOnPlateau}, with Keras' names and defaults. */
export interface ReduceLrOnPlateauOptions {
  /** Default `valLoss`. */
  monitor?: Monitor;
  /** Default `auto`. */
  mode?: MonitorMode;
  /** The learning rate is multiplied by this; default 0.1. */
  factor?: number;
  /** Epochs without improvement before reducing; default 10. */
  patience?: number;
  /** The least change that counts as an improvement; default 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again; default 0. */
  cooldown?: number;
  /** The learning rate never goes below this; default 0. */
  minLr?: number;
}

interface State {
  best: number | null;
  wait: number;
  cooldownLeft: number;
}

/** Multiply the learning rate by `factor` when the monitored quantity stalls, as Keras' `ReduceLROnPlateau`. */
export function reduceLrOnPlateau(options: ReduceLrOnPlateauOptions = {}): Callback {
  const monitor = options.monitor ?? 'valLoss';
  const mode = resolveMode(monitor, options.mode ?? 'auto');
  const factor = options.factor ?? 0.1;
  const patience = options.patience ?? 10;
  const minDelta = Math.abs(options.minDelta ?? 1e-4);
  const cooldown = options.cooldown ?? 0;
  const minLr = options.minLr ?? 0;
  if (!(factor > 0 && factor < 1)) {
    throw new TrainError(
      'INVALID_OPTION',
      `reduce-LR factor must be between 0 and 1, got ${factor}`,
    );
  }
  let state: State = { best: null, wait: 0, cooldownLeft: 0 };

  return {
    name: 'reduceLrOnPlateau',
    config: () => ({ monitor, mode, factor, patience, minDelta, cooldown, minLr }),
    onEpochEnd(context) {
      const value = context.logs[monitor];
      if (typeof value !== 'number') {
        throw new TrainError(
          'INVALID_OPTION',
          `reduce-LR-on-plateau monitors ${monitor}, which this run does not log: ` +
            'use monitor loss or accuracy when validation is none',
        );
      }
      if (state.cooldownLeft > 0) {
        state.cooldownLeft -= 1;
        state.wait = 0;
      }
      if (state.best === null || isImprovement(value, state.best, mode, minDelta)) {
        state = { ...state, best: value, wait: 0 };
        return;
      }
      if (state.cooldownLeft > 0) return;
      state.wait += 1;
      if (state.wait >= patience) {
        const old = context.getLearningRate();
        const next = Math.max(old * factor, minLr);
        if (old - next > 1e-12) {
          context.setLearningRate(next);
          context.note(
            `reduce LR on plateau: ${monitor} stalled for ${state.wait} epochs; learning rate ${old} → ${next}`,
          );
          state.cooldownLeft = cooldown;
          state.wait = 0;
        }
      }
    },
    getState: () => ({ ...state }),
    setState(saved) {
      state = { ...(saved as State) };
    },
  };
}
