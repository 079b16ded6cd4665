import type { Callback } from './callbacks.js';
import { earlyStopping } from './early-stopping.js';
import { reduceLrOnPlateau } from './reduce-lr-on-plateau.js';
import type { ValidationOption } from './train.js';

/** Options of {@link createPlateauCallbacks}: patiences in epochs, none for no such callback. */
export interface PlateauCallbackOptions {
  /** Stop after this many epochs without a better monitored loss, keeping the best weights. */
  earlyStopping?: number;
  /** Divide the learning rate by 10 after this many epochs without a better monitored loss. */
  reduceLr?: number;
  /** The run's validation: without one (`none`) the callbacks watch the training loss. */
  validation?: ValidationOption;
}

/**
 * Keras' ReduceLROnPlateau and EarlyStopping (with `restoreBestWeights`) by patience, as
 * `fmnist train --reduce-lr/--early-stopping` sets them: watching `valLoss`, or `loss` when the
 * run has no validation data.
 */
export function createPlateauCallbacks(options: PlateauCallbackOptions): Callback[] {
  const monitor = options.validation === 'none' ? 'loss' : 'valLoss';
  const callbacks: Callback[] = [];
  if (options.reduceLr !== undefined) {
    callbacks.push(reduceLrOnPlateau({ patience: options.reduceLr, monitor }));
  }
  if (options.earlyStopping !== undefined) {
    callbacks.push(
      earlyStopping({ patience: options.earlyStopping, monitor, restoreBestWeights: true }),
    );
  }
  return callbacks;
}
