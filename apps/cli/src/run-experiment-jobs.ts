import type { ChildProcess } from 'node:child_process';
import pc from 'picocolors';
import type { PlannedRun } from './experiment-config.js';
import { spawnCliChild } from './spawn-cli-child.js';

/** A run to do: start it with these `fmnist` arguments (`train …` or `train --resume …`). */
export interface ExperimentJob {
  run: PlannedRun;
  args: string[];
  /** Environment variables for this child on top of ours. */
  env?: Record<string, string>;
}

/** How a job's child process ended. */
export interface JobExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

/** Options of {@link runExperimentJobs}. */
export interface RunExperimentJobsOptions {
  jobs: readonly ExperimentJob[];
  /** Children at once. */
  parallel: number;
  stream: NodeJS.WritableStream;
  color: boolean;
  /** A line the child wrote to stderr (colours stripped), e.g. to spot `Run: <dir>`. */
  onLine?: (job: ExperimentJob, line: string) => void;
  /** A child ended; awaited before the next one starts in its slot. */
  onExit: (job: ExperimentJob, exit: JobExit) => Promise<void>;
}

/**
 * Run `fmnist train` children, `parallel` at a time, each one's stderr lines prefixed with its
 * preset and seed. Ctrl-C (SIGINT or SIGTERM) starts no more children and forwards one SIGINT to
 * each running one, which finishes its batch, saves and exits; a second Ctrl-C forwards another,
 * and they quit at once.
 *
 * @returns whether it was interrupted (jobs not started are left undone)
 */
export async function runExperimentJobs(
  options: RunExperimentJobsOptions,
): Promise<{ interrupted: boolean }> {
  const queue = [...options.jobs];
  const running = new Set<ChildProcess>();
  let interrupts = 0;
  const forward = () => {
    for (const child of running) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    }
  };
  const onSignal = () => {
    interrupts += 1;
    if (interrupts === 1) {
      options.stream.write(
        pc.yellow(
          `\nInterrupting: ${running.size} running training${running.size === 1 ? '' : 's'} finish their batch and save; no new run starts (Ctrl-C again to quit now)…\n`,
        ),
      );
    } else {
      options.stream.write(
        pc.red('\nStopping the runs at once; each keeps its last completed epoch.\n'),
      );
    }
    forward();
  };
  const onExit = () => {
    for (const child of running) child.kill('SIGTERM');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);

  const worker = async () => {
    for (let job = queue.shift(); job !== undefined && interrupts === 0; job = queue.shift()) {
      const current = job;
      const prefix = `[${current.run.preset} seed${current.run.seed}] `;
      const child = spawnCliChild({
        args: current.args,
        env: current.env,
        prefix: options.color ? pc.cyan(prefix) : prefix,
        stream: options.stream,
        color: options.color,
        onLine: (line) => options.onLine?.(current, line),
      });
      running.add(child.process);
      let exit: JobExit;
      try {
        exit = await child.done;
      } finally {
        running.delete(child.process);
      }
      await options.onExit(current, exit);
    }
  };
  try {
    const slots = Math.max(1, Math.min(options.parallel, queue.length));
    await Promise.all(Array.from({ length: slots }, () => worker()));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  }
  return { interrupted: interrupts > 0 };
}
