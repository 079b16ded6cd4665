import { decodeBase64, encodeBase64 } from '@fmnist/dataset';
import {
  type Callback,
  isImprovement,
  type Monitor,
  type MonitorMode,
  resolveMode,
} from './callbacks.js';
import { TrainError } from './errors.js';

/** Options of {@link earlyStopping}, with Keras' names and defaults. */
export interface EarlyStoppingOptions {
  /** Default `valLoss`. */
  monitor?: Monitor;
  /** Default `auto`. */
  mode?: MonitorMode;
  /** Epochs without improvement before stopping; default 0. */
  patience?: number;
  /** The least change that counts as an improvement; default 0. */
  minDelta?: number;
  /** On stopping, go back to the weights of the best epoch; default false. */
  restoreBestWeights?: boolean;
}

interface State {
  best: number | null;
  bestEpoch: number;
  wait: number;
  bestWeights: string[] | null;
}

const encode = (w: Float32Array) =>
  encodeBase64(new Uint8Array(w.buffer, w.byteOffset, w.byteLength));
// decodeBase64 gives bytes of their own buffer, at offset 0: aligned for a Float32Array.
const decode = (s: string) => new Float32Array(decodeBase64(s).buffer);

/**
 * Stop when the monitored quantity has not improved for `patience` epochs, as Keras'
 * `EarlyStopping` does, optionally restoring the best epoch's weights (which tfjs lacks).
 */
export function earlyStopping(options: EarlyStoppingOptions = {}): Callback {
  const monitor = options.monitor ?? 'valLoss';
  const mode = resolveMode(monitor, options.mode ?? 'auto');
  const patience = options.patience ?? 0;
  const minDelta = Math.abs(options.minDelta ?? 0);
  const restoreBestWeights = options.restoreBestWeights ?? false;
  if (!Number.isInteger(patience) || patience < 0) {
    throw new TrainError(
      'INVALID_OPTION',
      `early stopping patience must be a whole number of epochs (0 or more), got ${patience}`,
    );
  }
  let state: State = { best: null, bestEpoch: 0, wait: 0, bestWeights: null };
  let bestWeights: Float32Array[] | null = null;

  return {
    name: 'earlyStopping',
    config: () => ({ monitor, mode, patience, minDelta, restoreBestWeights }),
    onEpochEnd(context) {
      const value = context.logs[monitor];
      if (typeof value !== 'number') {
        throw new TrainError(
          'INVALID_OPTION',
          `early stopping monitors ${monitor}, which this run does not log: ` +
            'use monitor loss or accuracy when validation is none',
        );
      }
      if (state.best === null || isImprovement(value, state.best, mode, minDelta)) {
        state = { ...state, best: value, bestEpoch: context.epoch, wait: 0 };
        if (restoreBestWeights) bestWeights = context.getWeights();
        return;
      }
      state.wait += 1;
      if (state.wait > patience) {
        let message = `early stopping: ${monitor} did not improve on ${state.best} (epoch ${state.bestEpoch}) for ${state.wait} epochs`;
        if (restoreBestWeights && bestWeights) {
          context.setWeights(bestWeights);
          message += `; restored the weights of epoch ${state.bestEpoch}`;
        }
        context.stop(message);
      }
    },
    getState: () => ({ ...state, bestWeights: bestWeights ? bestWeights.map(encode) : null }),
    setState(saved) {
      state = saved as State;
      bestWeights = state.bestWeights ? state.bestWeights.map(decode) : null;
    },
  };
}
