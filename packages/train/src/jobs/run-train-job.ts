import { loadFashionMnist } from '@fmnist/dataset';
import { getPreset } from '@fmnist/models';
import { openRun } from '@fmnist/runs';
import { backendOptionsFromEnv } from '../backend-options-from-env.js';
import { TrainError } from '../errors.js';
import { resume } from '../resume.js';
import { selectBackend } from '../select-backend.js';
import { type TrainEvent, type TrainResult, train } from '../train.js';
import type { TrainJob, TrainJobEvent } from './train-job.js';

/** Options of {@link runTrainJob}. */
export interface RunTrainJobOptions {
  signal?: AbortSignal;
  onEvent?: (event: TrainEvent | TrainJobEvent) => void;
  /**
   * The environment the data is looked up with (`FMNIST_DATA_DIR`, the cache…) and the backend
   * options read from (`FMNIST_WASM_THREADS` and the rest, see `backendOptionsFromEnv`); default none.
   */
  env?: NodeJS.ProcessEnv;
}

/**
 * Run one {@link TrainJob} in this process: choose the backend, load the data, open (and lock)
 * the run directory, train or resume, close it.
 *
 * @throws {TrainError} `INVALID_OPTION` for a job that is not one; whatever training throws
 * (the run's record says `failed` with the error).
 */
export async function runTrainJob(
  job: TrainJob,
  options: RunTrainJobOptions = {},
): Promise<TrainResult> {
  const { onEvent, signal } = options;
  const backend = await selectBackend(job.backend, {
    wasmThreads: job.wasmThreads,
    ...(job.nativeThreads === undefined ? {} : { nativeThreads: job.nativeThreads }),
    ...backendOptionsFromEnv(options.env ?? {}),
  });
  onEvent?.({
    type: 'backend',
    name: backend.name,
    reason: backend.reason,
    passedOver: backend.passedOver,
  });
  const data = await loadFashionMnist({
    dir: job.dataDir,
    download: false,
    integrity: 'check',
    env: options.env ?? {},
  });
  onEvent?.({
    type: 'data',
    location: data.source.location,
    kind: data.source.kind,
    verified: data.verified,
    train: data.train.count,
    test: data.test.count,
  });
  const trainData = {
    train: data.train,
    ...(job.test === false ? {} : { test: data.test }),
    source: data.source,
    verified: data.verified,
  };
  const run = await openRun(job.runDir);
  try {
    if (job.action === 'resume') {
      return await resume(run, {
        data: trainData,
        signal,
        backend,
        onEvent,
        ...(job.epochs === undefined ? {} : { epochs: job.epochs }),
      });
    }
    if (job.action !== 'start') {
      throw new TrainError(
        'INVALID_OPTION',
        `a train job's action is start or resume, got ${String((job as { action?: unknown }).action)}`,
      );
    }
    return await train({
      spec: job.spec ?? getPreset(job.preset),
      preset: job.preset,
      name: job.name,
      data: trainData,
      epochs: job.epochs,
      batchSize: job.batchSize,
      validation:
        job.validation === 'holdout' ? { holdout: job.validationSize ?? 0.1 } : job.validation,
      seed: job.seed,
      ...(job.holdoutSeed === undefined ? {} : { holdoutSeed: job.holdoutSeed }),
      signal,
      run,
      backend,
      onEvent,
    });
  } finally {
    await run.close();
  }
}
