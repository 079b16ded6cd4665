/**
 * The sum over rows of the categorical cross-entropy of `logits` (rows of `classes` values) against
 * class indices `labels`, each row exactly in double: log Σ exp(z − max) + max − z_label, as
 * Keras (TF 2.0) computes it for a softmax output (no clip) and as the native step does. A NaN in a
 * row makes the sum NaN (so a diverging run is still caught as `LOSS_NOT_FINITE`).
 */
export function sumCrossEntropyFromLogits(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number {
  let sum = 0;
  for (let row = 0; row < labels.length; row++) {
    const from = row * classes;
    let max = logits[from] as number;
    for (let j = 1; j < classes; j++) {
      const z = logits[from + j] as number;
      if (z > max || Number.isNaN(z)) max = z;
    }
    let total = 0;
    for (let j = 0; j < classes; j++) total += Math.exp((logits[from + j] as number) - max);
    sum += Math.log(total) + max - (logits[from + (labels[row] as number)] as number);
  }
  return sum;
}
