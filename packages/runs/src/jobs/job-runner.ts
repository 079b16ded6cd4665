/**
 * The small job-runner interface that sweeps and experiments run their jobs through: local child
 * processes ({@link createLocalJobRunner}), or `@fmnist/queue`'s BullMQ queue. Everything in it is JSON, so that it can cross a queue.
 */

/** One unit of work: a run to train or resume. */
export interface Job {
  /** Deterministic (e.g. `c03-s1-e6`), so that a queue runs it once and a restart finds it again. */
  id: string;
  /** What to do, as arguments of the command the executor runs (e.g. `fmnist train …` argv). */
  args: string[];
  /** Environment variables for the job on top of the executor's. */
  env?: Record<string, string>;
}

/** How a job ended. A diverged run is `failed` with its record: a result, not a crash. */
export interface JobOutcome {
  id: string;
  status: 'completed' | 'failed' | 'interrupted';
  /** The run's record (RunRecord JSON) as the job left it, when it wrote one. */
  record?: unknown;
  error?: { message: string; code?: string };
  /** Who ran it, for the sweep's record (the queue runner fills it in). */
  worker?: WorkerIdentity;
}

/** Options of one {@link JobRunner.run}. */
export interface RunJobOptions {
  /** Aborting stops waiting for the job (and interrupts it where the runner can). */
  signal?: AbortSignal;
  /** Aborting after `signal` stops the job at once, where the runner can (it keeps its last checkpoint). */
  stopSignal?: AbortSignal;
  /** Structured events the job reports while it runs (e.g. one per epoch). */
  onEvent?: (event: unknown) => void;
}

/** Runs jobs; how many at once is the runner's own setting (`--jobs`). */
export interface JobRunner {
  run(job: Job, options?: RunJobOptions): Promise<JobOutcome>;
  close(): Promise<void>;
}

/** Which worker ran a job: where, which fmnist, which backend it said it uses. */
export interface WorkerIdentity {
  host: string;
  pid: number;
  /** The fmnist version of the worker (jobs of another version are refused). */
  version: string;
  /** The training backend the worker was started for, when it said. */
  backend?: string;
}
