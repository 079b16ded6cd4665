/**
 * `@fmnist/queue`: fmnist's jobs (sweep trials) on many machines, through BullMQ on Redis.
 * `createQueueRunner` is the controller's {@link JobRunner}; `startQueueWorker` runs the jobs,
 * each in a child process (`runChildJob`) that dies with its worker.
 *
 * @packageDocumentation
 */
export { checkQueueReachable } from './check-queue-reachable.js';
export type { ChildMessage } from './child-message.js';
export type { CreateQueueRunnerOptions, QueueRunner } from './create-queue-runner.js';
export { createQueueRunner } from './create-queue-runner.js';
export { exitWithParent } from './exit-with-parent.js';
export type { Job, JobOutcome, JobRunner, RunJobOptions, WorkerIdentity } from './job-runner.js';
export type {
  CreateRedisOptionsOptions,
  QueueAddress,
  QueueRedisOptions,
} from './parse-queue-url.js';
export { createRedisOptions, parseQueueUrl } from './parse-queue-url.js';
export type { QueueErrorCode } from './queue-error.js';
export { QUEUE_ERROR_CODES, QueueError } from './queue-error.js';
export type { QueuedJob } from './queue-names.js';
export { DEFAULT_QUEUE_NAME, KEY_PREFIX } from './queue-names.js';
export type { RunChildJobOptions } from './run-child-job.js';
export { runChildJob } from './run-child-job.js';
export { sendToParent } from './send-to-parent.js';
export type { QueueWorker, StartQueueWorkerOptions } from './start-queue-worker.js';
export { startQueueWorker } from './start-queue-worker.js';
