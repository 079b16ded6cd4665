import type { ExperimentConfig, ExperimentFile, PlannedRun, RunStatus } from '@fmnist/runs';
import type { TrainEvent } from '../train.js';
import type { TrainJobEvent } from './train-job.js';

/** What {@link runExperiment} reports while it runs, for progress and logs. */
export type ExperimentEvent =
  /** The plan: what runs, how many at once, what is left from before (with `resume`). */
  | {
      type: 'planned';
      dir: string;
      suite: string;
      config: ExperimentConfig;
      runs: number;
      parallel: number;
      resumed: boolean;
      toResume: number;
      toStart: number;
      data: { location: string; verified: boolean };
    }
  /** A run's job was submitted, into this run directory. */
  | { type: 'run-started'; run: PlannedRun; runDir: string; action: 'start' | 'resume' }
  /** An event of a run's training (the loop's, or its job's backend and data). */
  | { type: 'run-event'; run: PlannedRun; event: TrainEvent | TrainJobEvent }
  /** A line a run's job wrote on its own (a warning of a library, say): to show, not to parse. */
  | { type: 'run-output'; run: PlannedRun; line: string }
  /** A run's job ended. `finished` counts the experiment's completed runs so far. */
  | {
      type: 'run-finished';
      run: PlannedRun;
      status: RunStatus;
      finished: number;
      runs: number;
      testAccuracy?: number;
      error?: string;
    }
  /** The experiment ended; its record is written. */
  | { type: 'finished'; status: RunStatus; record: ExperimentFile };
