import { relative } from 'node:path';
import type { QueueRunner } from '@fmnist/queue';
import { createLocalJobRunner } from '@fmnist/runs';
import type { RunSweepOptions, SweepFile, SweepRunner } from '@fmnist/sweep';
import { trainJobArgs, trainJobScript } from '@fmnist/train';
import { type SweepJobContext, toTrialJob } from './sweep-trial-job.js';

/** Options of {@link createSweepRunner}. */
export interface CreateSweepRunnerOptions {
  /** Where sweep directories go (`--out`, absolute). */
  out: string;
  /** Trials at once (`--jobs`). */
  jobs: number;
  /** The queue (`--queue`), connected; none: local child processes. */
  queue?: { runner: QueueRunner; url: string };
  context: SweepJobContext;
}

/**
 * The runner a sweep's trials go through, the arguments of each trial's job and how the record
 * names the runner: `fmnist worker`s on a queue (a worker resolves each run directory under its own
 * `--out` — shared storage, the same one), else local child processes.
 */
export function createSweepRunner(options: CreateSweepRunnerOptions): {
  runner: SweepRunner & { close(): Promise<void> };
  toRunnerArgs: RunSweepOptions['toRunnerArgs'];
  runnerInfo: SweepFile['runner'];
} {
  const { out, jobs, queue, context } = options;
  if (queue) {
    return {
      runner: queue.runner,
      toRunnerArgs: (task) =>
        trainJobArgs(toTrialJob(task, context, relative(out, task.runDir), 'start')),
      runnerInfo: {
        kind: 'queue',
        jobs,
        queue: (queue.runner as { display?: string }).display ?? queue.url,
      },
    };
  }
  return {
    runner: createLocalJobRunner({ prefixArgs: [trainJobScript()] }),
    toRunnerArgs: (task) => trainJobArgs(toTrialJob(task, context, task.runDir)),
    runnerInfo: { kind: 'local', jobs },
  };
}
