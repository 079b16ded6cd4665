/** The BullMQ queue fmnist's jobs go through, unless told otherwise. */
export const DEFAULT_QUEUE_NAME = 'fmnist-jobs';

/** The prefix of every Redis key this package writes, so that fmnist's keys are easy to find. */
export const KEY_PREFIX = 'fmnist';

/** What a job carries on the queue. */
export interface QueuedJob {
  job: import('./job-runner.js').Job;
  /** Only a worker of this fmnist version may run it. */
  requires: { version: string };
}
