import type * as tf from '@tensorflow/tfjs';

/**
 * Frees a model's weights and its optimizer's state. `model.dispose()` alone leaves an
 * optimizer passed as an object (as `buildModel` and `loadModel` do) alive.
 */
export function disposeModel(model: tf.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}
