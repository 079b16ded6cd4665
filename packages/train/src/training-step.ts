import * as tf from '@tensorflow/tfjs';
import { applyWithLogits } from './apply-with-logits.js';
import { applyOptimizerWasm } from './kernels/apply-optimizer-wasm.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';
import { sumCrossEntropyFromLogits } from './sum-cross-entropy-from-logits.js';

/**
 * The loss Keras calls categorical_crossentropy, on probabilities, as Keras computes it for an
 * output that is not a softmax (and in eager mode): normalised, clipped to [ε, 1 − ε] (ε = 1e-7)
 * and averaged over the batch. Models that end in a softmax take {@link softmaxCrossEntropy} from
 * their logits instead, as Keras' graph mode does. The clip uses maximum/minimum, which keep a NaN
 * (the wasm backend's clipByValue turns NaN into ε and would hide a diverging run).
 */
export function categoricalCrossentropy(labels: tf.Tensor, probabilities: tf.Tensor): tf.Scalar {
  const epsilon = 1e-7;
  const normalised = probabilities.div(probabilities.sum(-1, true));
  const clipped = tf.minimum(tf.maximum(normalised, epsilon), 1 - epsilon);
  return tf.neg(labels.mul(clipped.log()).sum(-1)).mean() as tf.Scalar;
}

/** How many rows of `probabilities` put their largest value on the labelled class. */
export function countCorrect(labels: tf.Tensor, probabilities: tf.Tensor): tf.Scalar {
  return tf.equal(tf.argMax(probabilities, -1), tf.argMax(labels, -1)).sum() as tf.Scalar;
}

interface SeededLayer {
  seed?: number;
}

/**
 * Give every Dropout layer a fresh seed for the next call. tfjs reuses one mask for every batch
 * when a Dropout layer has a seed, and uses Math.random when it has none; a seed derived per call
 * gives new masks each batch and the same masks on every rerun.
 */
export function seedDropout(model: tf.LayersModel, seedFor: (layerIndex: number) => number): void {
  model.layers.forEach((layer, index) => {
    if (layer.getClassName() === 'Dropout') (layer as unknown as SeededLayer).seed = seedFor(index);
  });
}

/**
 * One optimizer step on a batch: forward with dropout active, loss, gradients, update.
 * A model ending in a Dense softmax takes its loss from the logits, as Keras (TF 2.0) does in
 * graph mode: the gradient is p − y for every example (the clipped loss gives an example whose
 * labelled probability is below 1e-7 none), and the reported loss is exact, each row in double
 * ({@link sumCrossEntropyFromLogits}, as the native step computes it). Other models take the
 * clipped {@link categoricalCrossentropy}.
 * Returns the batch's mean loss and its number of correct predictions (kept tensors: dispose them).
 */
export function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  xs: tf.Tensor,
  ys: tf.Tensor,
  /** The batch's class indices (`ys` one-hot), for the exact loss without reading `ys` back. */
  labels: ArrayLike<number>,
): { loss: tf.Scalar; correct: tf.Scalar } {
  let correct: tf.Scalar | undefined;
  let logits: tf.Tensor | undefined;
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => {
    const output = applyWithLogits(model, xs, true);
    correct = tf.keep(countCorrect(ys, output.probabilities));
    if (!output.logits) return categoricalCrossentropy(ys, output.probabilities);
    logits = tf.keep(output.logits);
    return softmaxCrossEntropy(ys, output.logits);
  }, variables);
  if (!applyOptimizerWasm(optimizer, grads)) optimizer.applyGradients(grads);
  tf.dispose(grads);
  if (!logits) return { loss: value, correct: correct as tf.Scalar };
  const kept = logits as tf.Tensor;
  const rows = kept.shape[0] as number;
  const loss = sumCrossEntropyFromLogits(kept.dataSync(), labels, kept.shape[1] as number) / rows;
  tf.dispose([value, kept]);
  return { loss: tf.scalar(loss), correct: correct as tf.Scalar };
}
