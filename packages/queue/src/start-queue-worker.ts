import { hostname } from 'node:os';
import { type Job as BullJob, UnrecoverableError, Worker } from 'bullmq';
import { checkQueueReachable } from './check-queue-reachable.js';
import type { Job, JobOutcome, RunJobOptions, WorkerIdentity } from './job-runner.js';
import { createRedisOptions, parseQueueUrl } from './parse-queue-url.js';
import { QueueError } from './queue-error.js';
import { DEFAULT_QUEUE_NAME, KEY_PREFIX, type QueuedJob } from './queue-names.js';

/** Options of {@link startQueueWorker}. */
export interface StartQueueWorkerOptions {
  /** `redis://host:port` (or `rediss://` for TLS, a password as `redis://:PASSWORD@host`). */
  url: string;
  /** Default `fmnist-jobs`. */
  queueName?: string;
  /** This worker's fmnist version: jobs that need another one are refused (failed, with why). */
  version: string;
  /** The backend this worker trains on, for the records. */
  backend?: string;
  /** Jobs at once (`--jobs`); default 1. */
  concurrency?: number;
  /** Runs one job; typically `runChildJob`, so that the worker's event loop stays free. */
  execute: (job: Job, options: RunJobOptions) => Promise<JobOutcome>;
  /**
   * How long a job's lock lasts without renewal (default 15 s). A killed worker's jobs are taken
   * up again once their lock has expired and a stalled check (every `stalledIntervalMs`, default
   * 15 s) of a live worker finds them.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** How often one job may be taken up again after its worker died (default 5; BullMQ's is 1). */
  maxStalledCount?: number;
  /** Something happened that a person may want to know (a job taken, finished, refused). */
  onLog?: (message: string) => void;
  /** Give up connecting after this long; default 5000 ms. */
  connectTimeoutMs?: number;
}

/** A running worker. */
export interface QueueWorker {
  identity: WorkerIdentity;
  /**
   * Stops taking jobs. `interrupt: false` (default) waits for the running ones to finish;
   * `interrupt: true` interrupts them (they keep their last checkpoint) and leaves them on the
   * queue, where another worker takes them up once their lock expires.
   */
  close(options?: { interrupt?: boolean }): Promise<void>;
}

/**
 * Takes fmnist jobs from a BullMQ queue and runs each with `execute` — in a child process, so that
 * training never blocks the event loop that renews the job's lock (else the lock stalls, and the
 * job runs twice). Each job's outcome goes back as the job's result, record included, so that the
 * controller needs no shared storage. A diverged run is a result (completed job, failed outcome),
 * so BullMQ never retries it.
 *
 * @throws {QueueError} `QUEUE_UNREACHABLE` within seconds when Redis does not answer
 */
export async function startQueueWorker(options: StartQueueWorkerOptions): Promise<QueueWorker> {
  const address = parseQueueUrl(options.url);
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new QueueError('INVALID_OPTION', `--jobs must be a positive integer, got ${concurrency}`);
  }
  await checkQueueReachable(address, options.connectTimeoutMs);
  const identity: WorkerIdentity = {
    host: hostname(),
    pid: process.pid,
    version: options.version,
    ...(options.backend === undefined ? {} : { backend: options.backend }),
  };
  const log = options.onLog ?? (() => {});
  const running = new Set<AbortController>();
  let interrupting = false;

  const processor = async (bullJob: BullJob<QueuedJob, JobOutcome>): Promise<JobOutcome> => {
    const { job, requires } = bullJob.data;
    if (requires.version !== options.version) {
      log(
        `refused ${job.id}: it needs fmnist ${requires.version}, this worker runs ${options.version}`,
      );
      throw new UnrecoverableError(
        `refused by the worker on ${identity.host} (pid ${identity.pid}): it runs fmnist ${options.version}, the job needs ${requires.version}; start workers of the same version as the sweep`,
      );
    }
    log(`took ${job.id}${bullJob.attemptsStarted > 1 ? ` (again: its worker stopped)` : ''}`);
    const controller = new AbortController();
    running.add(controller);
    try {
      const outcome = await options.execute(job, {
        signal: controller.signal,
        onEvent: (event) => {
          bullJob.updateProgress(event as object).catch(() => {});
        },
      });
      if (interrupting) {
        // Leave the job to stall and be taken up elsewhere: completing it would lose the trial.
        await new Promise(() => {});
      }
      log(
        `finished ${job.id}: ${outcome.status}${outcome.error ? ` (${outcome.error.message})` : ''}`,
      );
      return { ...outcome, worker: identity };
    } finally {
      running.delete(controller);
    }
  };

  const worker = new Worker<QueuedJob, JobOutcome>(
    options.queueName ?? DEFAULT_QUEUE_NAME,
    processor,
    {
      connection: createRedisOptions(address, { connectTimeoutMs: options.connectTimeoutMs }),
      prefix: KEY_PREFIX,
      concurrency,
      lockDuration: options.lockDurationMs ?? 15_000,
      stalledInterval: options.stalledIntervalMs ?? 15_000,
      maxStalledCount: options.maxStalledCount ?? 5,
      name: `${identity.host}:${identity.pid} fmnist ${identity.version}${identity.backend ? ` ${identity.backend}` : ''}`,
    },
  );
  worker.on('error', (error) => log(`queue error: ${error.message}`));
  await worker.waitUntilReady();
  return {
    identity,
    async close({ interrupt = false } = {}) {
      if (interrupt) {
        interrupting = true;
        for (const controller of running) controller.abort();
        await worker.close(true);
      } else {
        await worker.close();
      }
    },
  };
}
