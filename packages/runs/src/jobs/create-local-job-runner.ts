import type { Job, JobOutcome, JobRunner, RunJobOptions } from './job-runner.js';
import { type RunChildJobOptions, runChildJob } from './run-child-job.js';

/** Options of {@link createLocalJobRunner}. */
export type CreateLocalJobRunnerOptions = Pick<
  RunChildJobOptions,
  'command' | 'prefixArgs' | 'cwd' | 'graceMs'
>;

/** The local {@link JobRunner}; its `run` also reports each line a job's child writes. */
export interface LocalJobRunner extends JobRunner {
  run(job: Job, options?: RunJobOptions & Pick<RunChildJobOptions, 'onLine'>): Promise<JobOutcome>;
}

/**
 * The first {@link JobRunner}: each job in a child process of this machine (`command`, default
 * this Node binary, with `prefixArgs` then the job's `args`), in a process group of its own,
 * talking over IPC. How many run at once is the caller's choice (it calls `run` that many times).
 */
export function createLocalJobRunner(options: CreateLocalJobRunnerOptions = {}): LocalJobRunner {
  return {
    run: (job, runOptions = {}) => runChildJob(job, { detached: true, ...options, ...runOptions }),
    async close() {},
  };
}
