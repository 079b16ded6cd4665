import * as tf from '@tensorflow/tfjs';

/** What {@link applyWithLogits} returns: the model's output, and its logits where they exist. */
export interface ModelOutput {
  /** The model's output (its softmax's probabilities when it ends in one). */
  probabilities: tf.Tensor;
  /**
   * The pre-activation of the last layer when that layer is a Dense layer with a softmax: what
   * Keras (TF 2.0) takes its categorical cross-entropy from. Undefined for any other model.
   */
  logits?: tf.Tensor;
}

interface DenseConfig {
  activation?: unknown;
  useBias?: unknown;
}

/** The last layer of a sequential model when it is a Dense layer with a softmax, else undefined. */
function findSoftmaxDense(model: tf.LayersModel): tf.layers.Layer | undefined {
  if (model.getClassName() !== 'Sequential') return undefined;
  const last = model.layers.at(-1);
  if (last?.getClassName() !== 'Dense') return undefined;
  const config = last.getConfig() as DenseConfig;
  return config.activation === 'softmax' ? last : undefined;
}

/**
 * Run a model on `xs` (dropout active when `training`) and keep the logits of its softmax: every
 * layer but the last is applied as the model applies it, the last Dense layer's product and bias
 * are taken here and the softmax applied to them, so the model keeps its softmax layer and its
 * LayersModel format. A model that does not end in a Dense softmax is applied whole, without
 * logits. Call it inside `tf.tidy` (or `variableGrads`).
 */
export function applyWithLogits(
  model: tf.LayersModel,
  xs: tf.Tensor,
  training: boolean,
): ModelOutput {
  const last = findSoftmaxDense(model);
  if (!last) return { probabilities: model.apply(xs, { training }) as tf.Tensor };
  let x = xs;
  for (const layer of model.layers.slice(0, -1)) x = layer.apply(x, { training }) as tf.Tensor;
  if (x.rank !== 2) return { probabilities: last.apply(x, { training }) as tf.Tensor };
  // Dense keeps its kernel first and its bias second (when it has one); read() gives the variables
  // themselves, so gradients reach them.
  const [kernel, bias] = last.weights.map((w) => w.read());
  let logits = tf.matMul(x, kernel as tf.Tensor);
  if (bias && (last.getConfig() as DenseConfig).useBias !== false) logits = tf.add(logits, bias);
  return { logits, probabilities: tf.softmax(logits) };
}
