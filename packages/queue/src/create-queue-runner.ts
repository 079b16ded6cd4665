import { Queue, QueueEvents } from 'bullmq';
import { checkQueueReachable } from './check-queue-reachable.js';
import type { Job, JobOutcome, JobRunner, RunJobOptions } from './job-runner.js';
import { createRedisOptions, parseQueueUrl } from './parse-queue-url.js';
import { DEFAULT_QUEUE_NAME, KEY_PREFIX, type QueuedJob } from './queue-names.js';

/** Options of {@link createQueueRunner}. */
export interface CreateQueueRunnerOptions {
  /** `redis://host:port` (or `rediss://` for TLS, a password as `redis://:PASSWORD@host`). */
  url: string;
  /** Default `fmnist-jobs`. */
  queueName?: string;
  /** The fmnist version jobs need: workers of another version refuse them. */
  version: string;
  /** Give up connecting after this long; default 5000 ms. */
  connectTimeoutMs?: number;
}

/** A {@link JobRunner} whose jobs run on `fmnist worker`s anywhere. */
export interface QueueRunner extends JobRunner {
  /** The queue's URL with the password hidden. */
  readonly display: string;
}

/**
 * The controller's side of a BullMQ queue: `run` enqueues a job under its own (deterministic) id
 * and resolves with the outcome its worker returned, record included. A job already on the queue
 * under that id (a controller restarted) is not added twice: it is waited for, or its result read
 * back at once; one that failed without a result (a worker crashed out of retries) is retried.
 *
 * @throws {QueueError} `QUEUE_UNREACHABLE` within seconds when Redis does not answer
 */
export async function createQueueRunner(options: CreateQueueRunnerOptions): Promise<QueueRunner> {
  const address = parseQueueUrl(options.url);
  await checkQueueReachable(address, options.connectTimeoutMs);
  const connection = createRedisOptions(address, { connectTimeoutMs: options.connectTimeoutMs });
  const name = options.queueName ?? DEFAULT_QUEUE_NAME;
  const queue = new Queue<QueuedJob, JobOutcome, string>(name, { connection, prefix: KEY_PREFIX });
  const events = new QueueEvents(name, { connection, prefix: KEY_PREFIX });
  events.setMaxListeners(0);
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);

  return {
    display: address.display,
    async run(job: Job, runOptions: RunJobOptions = {}): Promise<JobOutcome> {
      const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
        if (jobId === job.id) runOptions.onEvent?.(data);
      };
      events.on('progress', onProgress);
      try {
        const existing = await queue.getJob(job.id);
        if (existing && (await existing.getState()) === 'failed') await existing.retry();
        const queued =
          existing ??
          (await queue.add(
            job.id,
            { job, requires: { version: options.version } },
            {
              jobId: job.id,
              attempts: 1,
              removeOnComplete: false,
              removeOnFail: false,
            },
          ));
        const finished = queued.waitUntilFinished(events);
        const aborted = new Promise<'aborted'>((resolve) => {
          if (runOptions.signal?.aborted) resolve('aborted');
          runOptions.signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
        });
        try {
          const outcome = await Promise.race([finished, aborted]);
          if (outcome === 'aborted') {
            finished.catch(() => {});
            // A job no worker has taken yet is withdrawn; a running one finishes where it is.
            if ((await queued.getState()) === 'waiting') await queued.remove().catch(() => {});
            return { id: job.id, status: 'interrupted' };
          }
          return outcome;
        } catch (error) {
          return {
            id: job.id,
            status: 'failed',
            error: { message: error instanceof Error ? error.message : String(error) },
          };
        }
      } finally {
        events.off('progress', onProgress);
      }
    },
    async close() {
      await Promise.all([events.close(), queue.close()]);
    },
  };
}
