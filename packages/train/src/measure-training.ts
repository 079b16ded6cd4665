import { countBatches, type LabeledImages } from '@fmnist/dataset';
import { buildModel, createOptimizer, disposeModel, parseSpec } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import { chooseEngine } from './choose-engine.js';
import type { BackendChoice } from './select-backend.js';

/** Options of {@link measureTraining}. */
export interface MeasureTrainingOptions {
  /** The model spec to time. */
  spec: unknown;
  /** Images to train on; an epoch is one pass over them. */
  data: LabeledImages;
  /** Default 200, as the notebook. */
  batchSize?: number;
  /** Timed epochs; default 3 (the median is reported). */
  epochs?: number;
  /** Time only this many steps of each epoch and scale up to the whole epoch (quick runs); default all. */
  steps?: number;
  /** Untimed steps first (allocation, kernel set-up); default 3. */
  warmupSteps?: number;
  /** Default 0. */
  seed?: number;
  /** The backend that was selected: `native` times the fused step, anything else tfjs' step. */
  backend?: BackendChoice;
}

/** Training speed from {@link measureTraining}. */
export interface TrainingSpeed {
  /** The backend that ran (`native`, or the tfjs backend's name). */
  backend: string;
  /** What ran the steps: the native fused step or tfjs. */
  engine: 'native' | 'tfjs';
  batchSize: number;
  /** Steps timed per epoch. */
  steps: number;
  stepsPerEpoch: number;
  /** Whether each epoch was timed on `steps` of its steps and scaled up. */
  extrapolated: boolean;
  /** Wall seconds of each timed epoch: batch assembly, steps, loss read back, weights synced at the end. */
  epochSeconds: number[];
  /** The median of `epochSeconds`. */
  secondsPerEpoch: number;
  /** `secondsPerEpoch` per step. */
  msPerStep: number;
  samplesPerSecond: number;
  /** The largest resident set size seen while training, in bytes. */
  peakRssBytes: number;
  /** The resident set size after each timed epoch, in bytes (flat when nothing grows). */
  rssPerEpochBytes: number[];
  /** Tensors alive after the last epoch minus before the first: 0 unless something leaks. */
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
 * Time whole training epochs of a spec the way `train` runs them (the same engine: the native
 * fused step with `backend` native, else tfjs' step; seeded shuffle and dropout), without
 * validation, for benchmarks: the median epoch's wall time, and memory.
 */
export async function measureTraining(options: MeasureTrainingOptions): Promise<TrainingSpeed> {
  const spec = parseSpec(options.spec);
  const batchSize = options.batchSize ?? 200;
  const seed = options.seed ?? 0;
  const warmup = options.warmupSteps ?? 3;
  const epochs = options.epochs ?? 3;
  const stepsPerEpoch = countBatches(options.data.count, { batchSize });
  const steps = Math.min(options.steps ?? stepsPerEpoch, stepsPerEpoch);
  const model = buildModel(spec, { seed });
  const optimizer = createOptimizer(spec.optimizer);
  const numClasses = (model.outputs[0]?.shape.at(-1) as number | undefined) ?? 10;
  const { engine } = await chooseEngine(spec, model, optimizer, options.backend, {
    train: options.data,
    batchSize,
    seed,
    numClasses,
  });
  let done = 0;
  for (const batch of engine.batches(0)) {
    if (done++ >= warmup) break;
    batch.run();
  }
  const before = tf.memory().numTensors;
  let peakRssBytes = process.memoryUsage.rss();
  const epochSeconds: number[] = [];
  const rssPerEpochBytes: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = performance.now();
    let ran = 0;
    for (const batch of engine.batches(epoch)) {
      if (ran >= steps) break;
      batch.run();
      ran += 1;
    }
    await engine.syncToModel();
    epochSeconds.push(((performance.now() - started) / 1000) * (stepsPerEpoch / steps));
    const rss = process.memoryUsage.rss();
    peakRssBytes = Math.max(peakRssBytes, rss);
    rssPerEpochBytes.push(rss);
  }
  const leakedTensors = tf.memory().numTensors - before;
  disposeModel(model);
  optimizer.dispose();
  const secondsPerEpoch = median(epochSeconds);
  const msPerStep = (secondsPerEpoch * 1000) / stepsPerEpoch;
  return {
    backend: options.backend?.name ?? tf.getBackend(),
    engine: engine.kind,
    batchSize,
    steps,
    stepsPerEpoch,
    extrapolated: steps < stepsPerEpoch,
    epochSeconds,
    secondsPerEpoch,
    msPerStep,
    samplesPerSecond: (batchSize * 1000) / msPerStep,
    peakRssBytes,
    rssPerEpochBytes,
    leakedTensors,
  };
}
