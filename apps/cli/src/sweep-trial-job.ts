import type { SweepTrialTask } from '@fmnist/sweep';
import { backendThreadsFor, type TrainJob } from '@fmnist/train';

/** What every trial job of a sweep shares. */
export interface SweepJobContext {
  name: string;
  preset?: string;
  dataDir: string;
  backend: TrainJob['backend'];
  /** Trials at once on the machine that runs them: each gets its share of the cores. */
  jobs?: number;
}

/**
 * The train job of one sweep trial: `start` (a new run on the sweep's holdout, without the test
 * set) or `resume` (carry it on, or extend it to the trial's epochs). `runDir` as given: absolute
 * for the local runner, relative to a worker's `--out` on a queue.
 */
export function toTrialJob(
  task: SweepTrialTask,
  context: SweepJobContext,
  runDir: string,
  action: 'start' | 'resume' = task.action,
): TrainJob {
  const base = {
    runDir,
    dataDir: context.dataDir,
    backend: context.backend,
    ...(context.jobs === undefined ? {} : backendThreadsFor(task.setup.spec, context.jobs)),
  };
  // Trials never look at the test set; the retrain of the chosen configuration is scored on it once.
  const test = task.retrain === true;
  if (action === 'resume') return { ...base, action, epochs: task.setup.epochs, test };
  return {
    ...base,
    action: 'start',
    preset: context.preset ?? task.setup.spec.name ?? 'custom',
    spec: task.setup.spec,
    name: `${context.name}-${task.job.configuration.id}-${task.retrain ? 'retrain' : `s${task.job.seed}`}`,
    seed: task.job.seed,
    epochs: task.setup.epochs,
    batchSize: task.setup.batchSize,
    validation: 'holdout',
    validationSize: task.setup.holdout,
    holdoutSeed: task.holdoutSeed,
    test,
  };
}
