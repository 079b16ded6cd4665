/**
 * The small job-runner interface lives in `@fmnist/runs` (with the local child-process runner);
 * this package implements it on BullMQ and re-exports its types.
 */
export type { Job, JobOutcome, JobRunner, RunJobOptions, WorkerIdentity } from '@fmnist/runs';
