import { batches, countBatches, type LabeledImages } from '@fmnist/dataset';
import { buildModel, createOptimizer, deriveSeed, disposeModel, parseSpec } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import { toInput } from './to-input.js';
import { seedDropout, trainStep } from './training-step.js';

/** Options of {@link measureTraining}. */
export interface MeasureTrainingOptions {
  /** The model spec to time. */
  spec: unknown;
  /** Images to train on; an epoch is one pass over them. */
  data: LabeledImages;
  /** Default 200, as the notebook. */
  batchSize?: number;
  /** Steps to time after the warm-up; default a whole epoch. */
  steps?: number;
  /** Untimed steps first (kernel setup, allocation); default 3. */
  warmupSteps?: number;
  /** Default 0. */
  seed?: number;
}

/** Training speed on the active backend, from {@link measureTraining}. */
export interface TrainingSpeed {
  /** The tfjs backend that ran. */
  backend: string;
  batchSize: number;
  /** Timed steps. */
  steps: number;
  /** Median milliseconds per step (forward, backward, update, loss read back). */
  msPerStep: number;
  /** Every timed step, in order. */
  stepMs: number[];
  /** One epoch over `data` at the median step time. */
  secondsPerEpoch: number;
  samplesPerSecond: number;
  /** The largest resident set size seen while training, in bytes. */
  peakRssBytes: number;
  /** The resident set size at the end of each whole epoch of timed steps, in bytes (flat when nothing grows). */
  rssPerEpochBytes: number[];
  /** Tensors alive after the last step minus before the first: 0 unless something leaks. */
  leakedTensors: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Time training steps of a spec on the active backend with the same step as `train` (seeded
 * shuffle and dropout, our loop), for benchmarks: median ms per step, the epoch it implies,
 * samples per second and peak memory.
 */
export function measureTraining(options: MeasureTrainingOptions): TrainingSpeed {
  const spec = parseSpec(options.spec);
  const batchSize = options.batchSize ?? 200;
  const seed = options.seed ?? 0;
  const warmup = options.warmupSteps ?? 3;
  const perEpoch = countBatches(options.data.count, { batchSize });
  const steps = options.steps ?? perEpoch;
  const model = buildModel(spec, { seed });
  const optimizer = createOptimizer(spec.optimizer);
  const numClasses = (model.outputs[0]?.shape.at(-1) as number | undefined) ?? 10;
  const stepMs: number[] = [];
  let peakRssBytes = process.memoryUsage.rss();
  let before = 0;
  const rssPerEpochBytes: number[] = [];
  for (let done = 0, epoch = 1; done < warmup + steps; epoch++) {
    const epochBatches = batches(options.data, batchSize, {
      shuffle: true,
      seed: deriveSeed(seed, 1),
      epoch,
      numClasses,
    });
    for (const batch of epochBatches) {
      if (done === warmup) before = tf.memory().numTensors;
      const started = performance.now();
      seedDropout(model, (layer) => deriveSeed(seed, 3, epoch, batch.index, layer));
      const step = tf.tidy(() => {
        const xs = toInput(model, batch.pixels, batch.size);
        const ys = tf.tensor2d(batch.oneHot, [batch.size, numClasses]);
        return trainStep(model, optimizer, xs, ys);
      });
      step.loss.dataSync();
      step.loss.dispose();
      step.correct.dispose();
      if (done >= warmup) stepMs.push(performance.now() - started);
      peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
      if (done >= warmup && (done - warmup + 1) % perEpoch === 0) {
        rssPerEpochBytes.push(process.memoryUsage.rss());
      }
      if (++done >= warmup + steps) break;
    }
  }
  const leakedTensors = tf.memory().numTensors - before;
  disposeModel(model);
  optimizer.dispose();
  const msPerStep = median(stepMs);
  return {
    backend: tf.getBackend(),
    batchSize,
    steps,
    msPerStep,
    stepMs,
    secondsPerEpoch: (msPerStep * perEpoch) / 1000,
    samplesPerSecond: (batchSize * 1000) / msPerStep,
    peakRssBytes,
    rssPerEpochBytes,
    leakedTensors,
  };
}
