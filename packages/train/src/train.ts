import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { CLASS_NAMES, countBatches, encodeBase64, type LabeledImages } from '@fmnist/dataset';
import { formatRunReportMarkdown, RUN_SCHEMA_VERSION, type RunRecord } from '@fmnist/metrics';
import { buildModel, createOptimizer, type ModelSpec, parseSpec, saveModel } from '@fmnist/models';
import {
  describeFailure,
  hashLabels,
  type RunHandle,
  setRunStatus,
  writeTemporaryFile,
} from '@fmnist/runs';
import * as tf from '@tensorflow/tfjs';
import type { Callback, CallbackContext } from './callbacks.js';
import { type CheckpointState, saveCheckpoint } from './checkpoint.js';
import { chooseEngine } from './choose-engine.js';
import { TrainError } from './errors.js';
import { evaluatePredictions } from './evaluate.js';
import type { HistoryEntry } from './history.js';
import {
  getLearningRate,
  getOptimizerState,
  type OptimizerState,
  setLearningRate,
} from './optimizer-state.js';
import { pickSamples } from './pick-samples.js';
import type { BackendChoice } from './select-backend.js';
import { splitValidationHoldout } from './split-validation-holdout.js';

/** Where validation data comes from: a seeded, stratified holdout of the training set (below 1 a fraction, else a count), the test set (the notebook's way, flagged as leakage), or none. */
export type ValidationOption = { holdout: number } | 'test' | 'none';

/** The data a run trains and is judged on. */
export interface TrainData {
  train: LabeledImages;
  /** Judged at the end (and used for validation with `validation: 'test'`). */
  test?: LabeledImages;
  /** Where it came from, for the record. */
  source?: { kind: string; location: string };
  /** Whether it was verified as Fashion-MNIST. */
  verified?: boolean;
  /** Class names for reports; default Fashion-MNIST's. */
  classNames?: readonly string[];
}

/** What the loop reports while it runs, for progress bars and logs. */
export type TrainEvent =
  | { type: 'start'; epoch: number; epochs: number; batches: number; runDir?: string }
  | {
      type: 'batch';
      epoch: number;
      epochs: number;
      batch: number;
      batches: number;
      loss: number;
      accuracy: number;
      seconds: number;
    }
  | ({ type: 'epoch'; epochs: number } & HistoryEntry)
  /** `kind`: what the note is about, as in the record's events (`resumed`, `callback`, …). */
  | { type: 'note'; epoch: number; message: string; kind?: string };

/** Options of {@link train}. */
export interface TrainOptions {
  /** The model spec (validated); the record keeps it as the effective spec. */
  spec: ModelSpec | unknown;
  /** The preset the spec came from, for the record. */
  preset?: string;
  /** The run's name; default the preset's, else the spec's, else "run". */
  name?: string;
  data: TrainData;
  epochs: number;
  /** Default 32, as Keras. */
  batchSize?: number;
  /** Default `{ holdout: 0.1 }`. */
  validation?: ValidationOption;
  /** Seeds weights, holdout, shuffles and dropout masks; default 0. */
  seed?: number;
  /**
   * Seeds the validation holdout alone: the holdout a run of seed `holdoutSeed` would have, whatever
   * `seed` is — so that runs of other seeds (a sweep's trials) validate on the same examples.
   * Recorded as `config.validation.seed`. Default: the run's own seed.
   */
  holdoutSeed?: number;
  callbacks?: Callback[];
  /** Aborting ends the current batch and marks the run interrupted; the last epoch's checkpoint stays. */
  signal?: AbortSignal;
  /**
   * The run directory to write (DESIGN.md's contract), from `@fmnist/runs`' `createRun` or
   * `openRun`: `run.json` after every epoch, the checkpoint, the model and the report. The caller
   * opens and closes it. None when absent (the run stays in memory).
   */
  run?: RunHandle;
  /** The backend choice, for the record; default: the active tfjs backend, reason unknown. */
  backend?: BackendChoice;
  onEvent?: (event: TrainEvent) => void;
}

/** How a run ended. */
export interface TrainResult {
  status: 'completed' | 'interrupted';
  model: tf.LayersModel;
  history: HistoryEntry[];
  record: RunRecord;
  /** The run directory written, when a `run` was given. */
  runDir?: string;
}

/** A run in progress: what {@link train} starts and `resume` picks up from a checkpoint. */
export interface RunState {
  record: RunRecord;
  spec: ModelSpec;
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  checkpoint: CheckpointState;
  callbacks: Callback[];
}

/** Resolve `validation` into the record's description and the data it validates on. */
export function resolveValidation(
  data: TrainData,
  validation: ValidationOption,
  seed: number,
  holdoutSeed?: number,
): { config: RunRecord['config']['validation']; train: LabeledImages; validation?: LabeledImages } {
  if (validation === 'none') return { config: { mode: 'none' }, train: data.train };
  if (validation === 'test') {
    if (!data.test) {
      throw new TrainError('INVALID_OPTION', 'validation "test" needs test data; pass data.test');
    }
    return { config: { mode: 'test', leakage: true }, train: data.train, validation: data.test };
  }
  const size = validation?.holdout;
  if (typeof size !== 'number' || !(size > 0) || (size >= 1 && !Number.isInteger(size))) {
    throw new TrainError(
      'INVALID_OPTION',
      `validation holdout must be a fraction in (0, 1) or a whole count, got ${String(size)}`,
    );
  }
  const split = splitValidationHoldout(data.train, size, holdoutSeed ?? seed);
  return {
    config: { mode: 'holdout', size, ...(holdoutSeed === undefined ? {} : { seed: holdoutSeed }) },
    train: split.train,
    validation: split.holdout,
  };
}

/** The record's environment: the backend that runs and why, versions, CPU. */
export function describeBackend(choice: BackendChoice | undefined): RunRecord['environment'] {
  const cpu = cpus();
  return {
    backend: choice
      ? { name: choice.name, reason: choice.reason }
      : { name: tf.getBackend(), reason: 'chosen by the caller' },
    passedOver: choice?.passedOver ?? [],
    tfjs: tf.version.tfjs,
    node: process.version,
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
  };
}

/**
 * Train a model from its spec with our own loop (seeded shuffles and dropout, exact resume),
 * writing the run directory after every epoch when `run` is given.
 *
 * @throws {TrainError} `INVALID_OPTION` for bad options, `LOSS_NOT_FINITE` when the loss turns
 * NaN or infinite (the run is recorded as failed first).
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const spec = parseSpec(options.spec);
  const seed = options.seed ?? 0;
  const batchSize = options.batchSize ?? 32;
  if (!Number.isInteger(options.epochs) || options.epochs < 1) {
    throw new TrainError(
      'INVALID_OPTION',
      `epochs must be a positive integer, got ${options.epochs}`,
    );
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new TrainError(
      'INVALID_OPTION',
      `batchSize must be a positive integer, got ${batchSize}`,
    );
  }
  if (!Number.isInteger(seed)) {
    throw new TrainError('INVALID_OPTION', `seed must be an integer, got ${seed}`);
  }
  const validation = options.validation ?? { holdout: 0.1 };
  if (options.holdoutSeed !== undefined && !Number.isInteger(options.holdoutSeed)) {
    throw new TrainError(
      'INVALID_OPTION',
      `holdoutSeed must be an integer, got ${options.holdoutSeed}`,
    );
  }
  const sets = resolveValidation(options.data, validation, seed, options.holdoutSeed);
  const callbacks = options.callbacks ?? [];
  const name = options.name ?? options.preset ?? spec.name ?? 'run';
  const record: RunRecord = {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: randomUUID(),
    name,
    ...(options.preset ? { preset: options.preset } : {}),
    status: 'running',
    createdAt: new Date().toISOString(),
    spec: spec as unknown as RunRecord['spec'],
    config: {
      epochs: options.epochs,
      batchSize,
      validation: sets.config,
      seed,
      callbacks: Object.fromEntries(callbacks.map((c) => [c.name, c.config()])),
    },
    environment: describeBackend(options.backend),
    data: {
      source: options.data.source ?? { kind: 'memory', location: 'passed to train()' },
      verified: options.data.verified ?? false,
      train: sets.train.count,
      validation: sets.validation?.count ?? 0,
      test: options.data.test?.count ?? 0,
    },
    history: [],
    events: [],
  };
  const model = buildModel(spec, { seed });
  const state: RunState = {
    record,
    spec,
    model,
    optimizer: createOptimizer(spec.optimizer),
    checkpoint: { epoch: 0, rng: { seed }, history: [], events: [], callbacks: {} },
    callbacks,
  };
  return runEpochs(state, options.data, options);
}

/**
 * Continue a run from its checkpoint state until its last epoch, an early stop, an abort or a
 * failure. Whatever is thrown, the run ends `failed` with the error in its record, never `running`.
 */
export async function runEpochs(
  state: RunState,
  data: TrainData,
  options: Pick<TrainOptions, 'signal' | 'run' | 'onEvent' | 'backend'>,
): Promise<TrainResult> {
  try {
    return await runEpochsUntilDone(state, data, options);
  } catch (error) {
    if (state.record.status === 'running') {
      const epoch = (state.record.history.at(-1)?.epoch ?? state.checkpoint.epoch) + 1;
      setRunStatus(state.record, 'failed', describeFailure(error, { epoch }));
      await options.run?.writeRecord(state.record).catch(() => {});
    }
    throw error;
  }
}

async function runEpochsUntilDone(
  state: RunState,
  data: TrainData,
  options: Pick<TrainOptions, 'signal' | 'run' | 'onEvent' | 'backend'>,
): Promise<TrainResult> {
  const { record, model, optimizer, callbacks } = state;
  const { epochs, batchSize, seed } = record.config;
  const validationOption: ValidationOption =
    record.config.validation.mode === 'holdout'
      ? { holdout: record.config.validation.size ?? 0.1 }
      : record.config.validation.mode;
  const holdoutSeed = record.config.validation.seed;
  const sets = resolveValidation(
    data,
    validationOption,
    seed,
    typeof holdoutSeed === 'number' ? holdoutSeed : undefined,
  );
  const numClasses = (model.outputs[0]?.shape.at(-1) as number | undefined) ?? 10;
  const classNames =
    data.classNames ?? (numClasses === CLASS_NAMES.length ? CLASS_NAMES : undefined);
  const { run, signal, onEvent } = options;
  const runDir = run?.dir;
  const history = [...state.checkpoint.history];
  const events = [...state.checkpoint.events];
  let stopReason = state.checkpoint.stopReason;
  // The native fused step where the backend is `native` and it runs the spec, else tfjs.
  const { engine, fallback } = await chooseEngine(state.spec, model, optimizer, options.backend, {
    train: sets.train,
    batchSize,
    seed,
    numClasses,
  });
  if (fallback) {
    record.environment.backend = fallback.backend;
    record.environment.passedOver = [...record.environment.passedOver, fallback.passedOver];
  }

  const writeRecord = async () => {
    record.history = history;
    record.events = events;
    await run?.writeRecord(record);
  };
  const note = (epoch: number, type: string, message: string) => {
    events.push({ epoch, type, message });
    onEvent?.({ type: 'note', epoch, message, kind: type });
  };
  const weightsOf = () => model.getWeights().map((w) => w.dataSync().slice() as Float32Array);
  const context = (epoch: number, logs: HistoryEntry): CallbackContext => ({
    epoch,
    logs,
    stop: (reason) => {
      stopReason = reason;
      note(epoch, 'stop', reason);
    },
    getLearningRate: () => getLearningRate(optimizer),
    setLearningRate: (lr) => setLearningRate(optimizer, lr),
    getWeights: weightsOf,
    setWeights: (weights) => {
      const tensors = model
        .getWeights()
        .map((w, i) => tf.tensor(weights[i] as Float32Array, w.shape));
      model.setWeights(tensors);
      for (const t of tensors) t.dispose();
    },
    note: (message) => note(epoch, 'callback', message),
  });
  for (const callback of callbacks) {
    const saved = state.checkpoint.callbacks[callback.name];
    if (saved !== undefined) callback.setState(saved);
  }
  if (state.checkpoint.epoch > 0)
    note(state.checkpoint.epoch, 'resumed', `resumed after epoch ${state.checkpoint.epoch}`);
  await writeRecord();

  const batchCount = countBatches(sets.train.count, { batchSize });
  onEvent?.({
    type: 'start',
    epoch: state.checkpoint.epoch + 1,
    epochs,
    batches: batchCount,
    runDir,
  });
  let interrupted = false;
  for (let epoch = state.checkpoint.epoch + 1; epoch <= epochs && !stopReason; epoch++) {
    const started = performance.now();
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (const batch of engine.batches(epoch)) {
      if (signal?.aborted) {
        interrupted = true;
        break;
      }
      const { loss, correct: hits } = batch.run();
      if (!Number.isFinite(loss)) {
        const message =
          `the loss became ${loss} at epoch ${epoch}, batch ${batch.index + 1}: the weights diverged. ` +
          `Try a lower learning rate (now ${getLearningRate(optimizer)}).`;
        setRunStatus(record, 'failed', { message, epoch, batch: batch.index + 1 });
        await writeRecord();
        throw new TrainError('LOSS_NOT_FINITE', message);
      }
      lossSum += loss * batch.size;
      correct += hits;
      seen += batch.size;
      // Let a pending SIGINT handler run, so an abort takes effect after this batch.
      if (signal) await new Promise((resolve) => setImmediate(resolve));
      onEvent?.({
        type: 'batch',
        epoch,
        epochs,
        batch: batch.index + 1,
        batches: batchCount,
        loss: lossSum / seen,
        accuracy: correct / seen,
        seconds: (performance.now() - started) / 1000,
      });
    }
    // Weights (and the optimizer's state) back into tfjs for whatever reads them next.
    await engine.syncToModel();
    if (interrupted || signal?.aborted) {
      interrupted = true;
      break;
    }
    const entry: HistoryEntry = {
      epoch,
      loss: lossSum / seen,
      accuracy: correct / seen,
      seconds: 0,
      learningRate: getLearningRate(optimizer),
    };
    if (sets.validation) {
      const v = engine.score(sets.validation);
      entry.valLoss = v.loss;
      entry.valAccuracy = v.accuracy;
    }
    entry.seconds = (performance.now() - started) / 1000;
    history.push(entry);
    for (const callback of callbacks) callback.onEpochEnd(context(epoch, entry));
    await engine.syncFromModel(); // a callback may have restored weights
    if (run) {
      const optimizerState: OptimizerState = await getOptimizerState(optimizer);
      await saveCheckpoint(run.paths.checkpoint, model, optimizerState, {
        epoch,
        rng: { seed },
        history,
        events,
        callbacks: Object.fromEntries(callbacks.map((c) => [c.name, c.getState()])),
        ...(stopReason ? { stopReason } : {}),
      });
    }
    await writeRecord();
    onEvent?.({ type: 'epoch', epochs, ...entry });
  }

  if (interrupted) {
    setRunStatus(record, 'interrupted');
    const done = history.at(-1)?.epoch ?? 0;
    note(
      done,
      'interrupted',
      `interrupted during epoch ${done + 1}; the checkpoint of epoch ${done} is kept`,
    );
    await writeRecord();
    return { status: 'interrupted', model, history, record, runDir };
  }

  record.metrics = { train: pick(engine.score(sets.train)) };
  if (sets.validation && record.config.validation.mode === 'holdout') {
    const validation = engine.predict(sets.validation);
    record.metrics.validation = pick(validation);
    // Every holdout prediction, so that two runs on the same holdout compare image by image
    // (McNemar) without the test set: how a sweep chooses.
    record.validationPredictions = {
      split: 'validation',
      labelsSha256: hashLabels(sets.validation.labels),
      predicted: encodeBase64(validation.predictions),
    };
  }
  if (data.test) {
    const test = evaluatePredictions(data.test, engine.predict(data.test), { classNames });
    record.metrics.test = pick(test);
    if (record.config.validation.mode === 'test') record.metrics.validation = pick(test);
    record.classificationReport = test.classificationReport;
    record.confusionMatrix = test.confusionMatrix;
    if (classNames) record.classNames = [...classNames];
    record.samples = pickSamples(data.test, test.predictions, test.probabilities);
    record.predictions = {
      split: 'test',
      labelsSha256: hashLabels(data.test.labels),
      predicted: encodeBase64(test.predictions),
    };
  }
  setRunStatus(record, 'completed');
  if (run) {
    try {
      await saveModel(model, run.paths.model, { writeFile: writeTemporaryFile });
      await writeRecord();
    } catch (error) {
      // The completed record never reached the disk (a full disk, say): back to running, so
      // that runEpochs records the run failed rather than leave run.json saying running.
      record.status = 'running';
      delete record.finishedAt;
      throw error;
    }
    await run.writeReport(formatRunReportMarkdown(record));
  } else {
    await writeRecord();
  }
  return { status: 'completed', model, history, record, runDir };
}

function pick(result: { loss: number; accuracy: number }): { loss: number; accuracy: number } {
  return { loss: result.loss, accuracy: result.accuracy };
}
