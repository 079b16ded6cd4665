import type { LabeledImages } from '@fmnist/dataset';
import { type ClassificationReport, classificationReport, confusionMatrix } from '@fmnist/metrics';
import * as tf from '@tensorflow/tfjs';
import { applyWithLogits } from './apply-with-logits.js';
import { sumCrossEntropyFromLogits } from './sum-cross-entropy-from-logits.js';
import { toInput } from './to-input.js';
import { categoricalCrossentropy } from './training-step.js';

/** What {@link evaluate} measures on a split. */
export interface Evaluation extends Predictions {
  classificationReport: ClassificationReport;
  confusionMatrix: number[][];
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Images per forward pass; default 1000. */
  batchSize?: number;
  /** Class names for the report; default the class indices. */
  classNames?: readonly string[];
}

/** Loss, accuracy and every prediction of a model over a split, with dropout off. */
export interface Predictions {
  loss: number;
  accuracy: number;
  predictions: Uint8Array;
  probabilities: Float32Array;
}

/**
 * Run a model over a split in batches, with dropout off. The loss of a model ending in a Dense
 * softmax comes from its logits, exactly, each row in double (as Keras' graph mode and the native
 * step compute it); any other model's from its clipped probabilities.
 */
export function predictSplit(
  model: tf.LayersModel,
  split: LabeledImages,
  batchSize = 1000,
): Predictions {
  const pixels = split.shape[0] * split.shape[1];
  const numClasses = (model.outputs[0]?.shape.at(-1) as number | undefined) ?? 10;
  const probabilities = new Float32Array(split.count * numClasses);
  const predictions = new Uint8Array(split.count);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < split.count; start += batchSize) {
    const count = Math.min(batchSize, split.count - start);
    const labels = split.labels.subarray(start, start + count);
    const [loss, probs] = tf.tidy((): [number, Float32Array] => {
      const xs = toInput(
        model,
        split.images.subarray(start * pixels, (start + count) * pixels),
        count,
      );
      // applyWithLogits runs the layers once, in inference mode (dropout off); predict would slice
      // xs into batches (32 by default), and a slice on wasm copies all of xs.
      const output = applyWithLogits(model, xs, false);
      const p = output.probabilities.dataSync() as Float32Array;
      if (output.logits)
        return [sumCrossEntropyFromLogits(output.logits.dataSync(), labels, numClasses), p];
      const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses);
      const mean = categoricalCrossentropy(ys, output.probabilities).dataSync()[0] as number;
      return [mean * count, p];
    });
    lossSum += loss;
    probabilities.set(probs, start * numClasses);
    for (let i = 0; i < count; i++) {
      let best = 0;
      for (let c = 1; c < numClasses; c++) {
        if ((probs[i * numClasses + c] as number) > (probs[i * numClasses + best] as number))
          best = c;
      }
      predictions[start + i] = best;
      if (best === labels[i]) correct += 1;
    }
  }
  return {
    loss: lossSum / split.count,
    accuracy: correct / split.count,
    predictions,
    probabilities,
  };
}

/**
 * Run a model over a split with dropout off: loss, accuracy, every prediction and probability,
 * and scikit-learn's classification report and confusion matrix from @fmnist/metrics.
 */
export function evaluate(
  model: tf.LayersModel,
  split: LabeledImages,
  options: EvaluateOptions = {},
): Evaluation {
  return evaluatePredictions(split, predictSplit(model, split, options.batchSize), options);
}

/**
 * The classification report and confusion matrix of a split's predictions (from
 * {@link predictSplit}, or from the native step's inference), added to them.
 */
export function evaluatePredictions(
  split: LabeledImages,
  result: Predictions,
  options: Pick<EvaluateOptions, 'classNames'> = {},
): Evaluation {
  const numClasses = result.probabilities.length / split.count;
  const labels = Array.from({ length: numClasses }, (_, i) => i);
  const targetNames = options.classNames ? [...options.classNames] : undefined;
  return {
    ...result,
    classificationReport: classificationReport(split.labels, result.predictions, {
      labels,
      targetNames,
    }),
    confusionMatrix: confusionMatrix(split.labels, result.predictions, { labels }),
  };
}
