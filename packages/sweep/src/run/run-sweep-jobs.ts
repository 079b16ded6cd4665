import type { Job, JobOutcome, JobRunner } from '@fmnist/runs';
import type {
  SchedulerStep,
  SweepJob,
  SweepJobResult,
  SweepScheduler,
} from '../strategies/create-scheduler.js';

/** A job as a runner takes it: `@fmnist/runs`' {@link Job}. */
export type RunnerJob = Job;

/** How a runner says a job ended: `@fmnist/runs`' {@link JobOutcome}. */
export type RunnerOutcome = JobOutcome;

/** The job runner a sweep runs through (`@fmnist/runs`' local one, or `@fmnist/queue`'s). */
export type SweepRunner = Pick<JobRunner, 'run'>;

/** What {@link runSweepJobs} reports as it goes. */
export type SweepJobsEvent =
  | { type: 'started'; job: SweepJob }
  | { type: 'progress'; job: SweepJob; event: unknown }
  | { type: 'finished'; job: SweepJob; outcome: RunnerOutcome; result?: SweepJobResult };

/** Options of {@link runSweepJobs}. */
export interface RunSweepJobsOptions {
  scheduler: SweepScheduler;
  runner: SweepRunner;
  /** Jobs in flight at once (`--jobs`; on a queue, about the number of workers). */
  slots: number;
  /** The runner's job for a sweep job: start its run, or extend it (`fromEpochs` > 0). */
  toRunnerJob: (job: SweepJob) => RunnerJob | Promise<RunnerJob>;
  /**
   * What a finished job means for the sweep: a result (validation accuracy, or failed — diverged),
   * or `undefined` when it did not finish (interrupted, a crash to run again on `--resume`).
   */
  toResult: (
    job: SweepJob,
    outcome: RunnerOutcome,
  ) => SweepJobResult | undefined | Promise<SweepJobResult | undefined>;
  /** Awaited after each finished job, before the next is chosen (write `sweep.json` here). */
  onFinished?: (job: SweepJob, outcome: RunnerOutcome, result?: SweepJobResult) => Promise<void>;
  onEvent?: (event: SweepJobsEvent) => void;
  /** Aborting starts no more jobs and tells the runner to interrupt the running ones. */
  signal?: AbortSignal;
}

/**
 * Runs a sweep's jobs through a job runner, at most `slots` at once, asking the scheduler for the
 * next one whenever a slot frees up — so that ASHA promotes as soon as it can instead of queueing
 * every first-rung trial up front. A job without a result (interrupted, crashed) is not retried
 * here: it stays for `--resume`, which runs it again (from its checkpoint).
 *
 * @returns whether it stopped before the scheduler was done (`interrupted`: aborted, or jobs
 * without a result hold it back), and how many jobs lacked a result
 */
export async function runSweepJobs(
  options: RunSweepJobsOptions,
): Promise<{ interrupted: boolean; unfinished: number }> {
  const { scheduler, runner, signal } = options;
  const slots = Math.max(1, Math.floor(options.slots));
  const running = new Map<string, Promise<void>>();
  let unfinished = 0;

  const start = (job: SweepJob) => {
    const done = (async () => {
      const runnerJob = await options.toRunnerJob(job);
      options.onEvent?.({ type: 'started', job });
      let outcome: RunnerOutcome;
      try {
        outcome = await runner.run(runnerJob, {
          ...(signal ? { signal } : {}),
          onEvent: (event) => options.onEvent?.({ type: 'progress', job, event }),
        });
      } catch (error) {
        outcome = {
          id: runnerJob.id,
          status: 'failed',
          error: { message: error instanceof Error ? error.message : String(error) },
        };
      }
      const result = await options.toResult(job, outcome);
      if (result) scheduler.report(job.id, result);
      else unfinished += 1;
      await options.onFinished?.(job, outcome, result);
      options.onEvent?.({ type: 'finished', job, outcome, ...(result ? { result } : {}) });
    })().finally(() => running.delete(job.id));
    running.set(job.id, done);
  };

  let finished = false;
  for (;;) {
    let step: SchedulerStep = { type: 'wait' };
    while (!signal?.aborted && running.size < slots) {
      step = scheduler.next();
      if (step.type !== 'job') break;
      start(step.job);
    }
    if (running.size === 0) {
      // `wait` with nothing running: jobs without a result hold their configurations back.
      finished = !signal?.aborted && step.type === 'done';
      break;
    }
    await Promise.race(running.values());
  }
  return { interrupted: !finished, unfinished };
}
