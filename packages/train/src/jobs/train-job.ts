import { fileURLToPath } from 'node:url';
import type { BackendName } from '../select-backend.js';

/** What every train job says, to start or to resume. */
interface TrainJobBase {
  /** The run directory, made by whoever planned the job; the job locks it while it trains. */
  runDir: string;
  /** The data directory (the four IDX files). */
  dataDir: string;
  backend: BackendName | 'auto';
  /** Threads for the wasm backend (see `wasmThreadsFor`); `FMNIST_WASM_THREADS` in the job's environment overrides it. */
  wasmThreads?: number;
  /** Threads for the native step (see `nativeThreadsFor`); default `wasmThreads`; `FMNIST_WASM_THREADS` overrides it too. */
  nativeThreads?: number;
}

/**
 * One training as a job: plain JSON, so that it can cross a process boundary or a queue. `start`
 * trains a preset (or a spec) into an empty run directory; `resume` carries on the run in it, or
 * extends it to more epochs.
 */
export type TrainJob =
  | (TrainJobBase & {
      action: 'start';
      preset: string;
      /** The run's name in its record. */
      name: string;
      seed: number;
      epochs: number;
      batchSize: number;
      validation: 'holdout' | 'test' | 'none';
      validationSize?: number;
      /** A model spec to train instead of the preset's (a sweep trial's); `preset` then names its base. */
      spec?: unknown;
      /** The holdout of this seed, whatever `seed` is: every trial of a sweep validates on one. */
      holdoutSeed?: number;
      /** `false`: never look at the test set (a sweep's trials; chosen on the holdout). Default true. */
      test?: boolean;
    })
  | (TrainJobBase & {
      action: 'resume';
      /** Extend the run to this many epochs (ASHA's promotion); default its own budget. */
      epochs?: number;
      /** `false`: the run was trained without the test set; leave it out again. Default true. */
      test?: boolean;
    });

/** What a train job reports besides the training loop's own events. */
export type TrainJobEvent =
  | {
      type: 'backend';
      name: string;
      reason: string;
      passedOver: { name: string; reason: string }[];
    }
  | {
      type: 'data';
      location: string;
      kind: string;
      verified: boolean;
      train: number;
      test: number;
    };

/**
 * The script that runs one {@link TrainJob} in a child process (`node <script> <job JSON>`),
 * reporting over IPC; what the local job runner starts for each run of an experiment.
 */
export function trainJobScript(): string {
  return fileURLToPath(new URL('./train-job-child.js', import.meta.url));
}

/** The arguments of {@link trainJobScript} for a job. */
export function trainJobArgs(job: TrainJob): string[] {
  return [JSON.stringify(job)];
}
