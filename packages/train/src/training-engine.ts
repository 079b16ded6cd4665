import { batches, type LabeledImages } from '@fmnist/dataset';
import { deriveSeed } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import { type Predictions, predictSplit } from './evaluate.js';
import { toInput } from './to-input.js';
import { seedDropout, trainStep } from './training-step.js';

/** One batch of an epoch, ready to train on. */
export interface EngineBatch {
  /** Position of the batch in its epoch, from 0. */
  index: number;
  size: number;
  /** One optimizer step on it: the batch's mean loss and number of correct predictions. */
  run(): { loss: number; correct: number };
}

/**
 * What runs a run's steps: tfjs (kernel by kernel, on the active backend) or the native fused step
 * (one call per batch, weights in native-side buffers until {@link TrainingEngine.syncToModel}).
 */
export interface TrainingEngine {
  readonly kind: 'tfjs' | 'native';
  /** The epoch's batches in the seeded shuffle of `@fmnist/dataset` (`deriveSeed(seed, 1)`, epoch). */
  batches(epoch: number): Iterable<EngineBatch>;
  /** Put the weights and the optimizer's state into the tfjs model and optimizer, for anything that reads them. */
  syncToModel(): Promise<void>;
  /** Take them back from tfjs (a callback may have changed them). */
  syncFromModel(): Promise<void>;
  /** Loss, accuracy, predictions and probabilities over a split, with dropout off. */
  predict(split: LabeledImages): Predictions;
  /** Loss and accuracy only (cheaper where probabilities need not be copied out). */
  score(split: LabeledImages): { loss: number; accuracy: number };
}

/** Options of {@link createTfjsEngine} (and of the native engine). */
export interface EngineOptions {
  train: LabeledImages;
  batchSize: number;
  seed: number;
  numClasses: number;
}

/** The tfjs step: batches assembled in JavaScript, dropout seeded per batch, tfjs kernels. */
export function createTfjsEngine(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  options: EngineOptions,
): TrainingEngine {
  const { train, batchSize, seed, numClasses } = options;
  return {
    kind: 'tfjs',
    *batches(epoch) {
      for (const batch of batches(train, batchSize, {
        shuffle: true,
        seed: deriveSeed(seed, 1),
        epoch,
        numClasses,
      })) {
        yield {
          index: batch.index,
          size: batch.size,
          run: () => {
            seedDropout(model, (layer) => deriveSeed(seed, 3, epoch, batch.index, layer));
            const step = tf.tidy(() => {
              const xs = toInput(model, batch.pixels, batch.size);
              const ys = tf.tensor2d(batch.oneHot, [batch.size, numClasses]);
              return trainStep(model, optimizer, xs, ys, batch.labels);
            });
            const loss = step.loss.dataSync()[0] as number;
            const correct = step.correct.dataSync()[0] as number;
            step.loss.dispose();
            step.correct.dispose();
            return { loss, correct };
          },
        };
      }
    },
    syncToModel: async () => {},
    syncFromModel: async () => {},
    predict: (split) => predictSplit(model, split),
    score: (split) => predictSplit(model, split),
  };
}
