import * as tf from '@tensorflow/tfjs';

/**
 * Frees a model's weights and its optimizer's state. `model.dispose()` alone leaves an
 * optimizer passed as an object (as `buildModel` and `loadModel` do) alive, and tfjs 4.22's
 * MomentumOptimizer.dispose() forgets one scalar of its SGD parent; this frees both.
 */
export function disposeModel(model: tf.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  if (optimizer == null) return;
  optimizer.dispose();
  // By class name: tfjs' optimizer classes answer `instanceof` for any optimizer. Disposing a
  // tensor twice is a no-op, so this is also safe for our own MomentumOptimizer subclass.
  if (optimizer.getClassName() === 'Momentum') {
    tf.SGDOptimizer.prototype.dispose.call(optimizer as tf.SGDOptimizer);
  }
}
