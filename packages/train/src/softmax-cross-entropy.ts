import * as tf from '@tensorflow/tfjs';

// One fused op: the value from the shifted logits, the gradient p − y with no detour through the
// softmax's own backward pass (which would divide by probabilities that may be 0).
const fused = tf.customGrad((...args) => {
  const [logits, labels, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  const shifted = tf.sub(logits, tf.max(logits, -1, true));
  const perRow = tf.sub(tf.log(tf.sum(tf.exp(shifted), -1)), tf.sum(tf.mul(labels, shifted), -1));
  save([tf.softmax(logits), labels]);
  return {
    value: tf.mean(perRow) as tf.Scalar,
    gradFunc: (dy: tf.Scalar, saved: tf.Tensor[]) => {
      const [p, y] = saved as [tf.Tensor, tf.Tensor];
      const rows = p.shape[0] as number;
      return [tf.mul(tf.sub(p, y), tf.div(dy, rows)), tf.zerosLike(y)];
    },
  };
});

/**
 * The batch's mean categorical cross-entropy taken from the logits of a softmax, as Keras (TF 2.0)
 * takes it when its output op is a Softmax (`softmax_cross_entropy_with_logits`): exact, with no
 * clip of the probabilities to [1e-7, 1 − 1e-7], and with Keras' gradient (softmax(z) − y) / batch
 * for every row — a confidently wrong row still pulls, where the clipped loss gives it none.
 * A NaN logit makes the value NaN.
 */
export function softmaxCrossEntropy(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  return fused(logits, labels);
}
