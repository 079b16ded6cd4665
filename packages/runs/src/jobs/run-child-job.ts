import { type ChildProcess, spawn } from 'node:child_process';
import { isChildMessage } from './child-message.js';
import type { Job, JobOutcome, RunJobOptions } from './job-runner.js';

/** Options of {@link runChildJob}. */
export interface RunChildJobOptions extends RunJobOptions {
  /** The program; default this Node binary (`args` then start with a script). */
  command?: string;
  /** Arguments before the job's own (e.g. the `fmnist` entry script). */
  prefixArgs?: readonly string[];
  cwd?: string;
  /** Each line the child writes to stderr (or stdout), as it comes. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** The child has started (its pid, e.g. to log). */
  onSpawn?: (child: ChildProcess) => void;
  /** After an abort, how long the child has to save before SIGKILL; default 10 s. */
  graceMs?: number;
  /**
   * Start the child in a process group of its own, so that a Ctrl-C at the terminal reaches only
   * this process, which forwards it once (a second SIGINT makes a child quit without saving).
   */
  detached?: boolean;
}

/**
 * Runs one job in a child process with an IPC channel: the child reports structured events and
 * its result over it ({@link sendToParent}), and exits when this process dies (it watches
 * the channel with `exitWithParent`). Aborting sends SIGINT (finish the batch, save), then
 * SIGKILL after the grace time.
 */
export function runChildJob(job: Job, options: RunChildJobOptions = {}): Promise<JobOutcome> {
  const child = spawn(
    options.command ?? process.execPath,
    [...(options.prefixArgs ?? []), ...job.args],
    {
      cwd: options.cwd,
      env: { ...process.env, ...job.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: options.detached ?? false,
    },
  );
  options.onSpawn?.(child);
  let result: JobOutcome | undefined;
  let tail = '';
  child.on('message', (message: unknown) => {
    if (!isChildMessage(message)) return;
    if (message.type === 'event') options.onEvent?.(message.event);
    else {
      result = {
        id: job.id,
        status: message.status,
        ...(message.record === undefined ? {} : { record: message.record }),
        ...(message.error === undefined ? {} : { error: message.error }),
      };
    }
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    let pending = '';
    child[stream]?.setEncoding('utf8').on('data', (text: string) => {
      if (stream === 'stderr') tail = (tail + text).slice(-2000);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line, stream);
    });
  }
  let killTimer: NodeJS.Timeout | undefined;
  const onAbort = () => {
    child.kill('SIGINT');
    killTimer = setTimeout(() => child.kill('SIGKILL'), options.graceMs ?? 10_000);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  // A second SIGINT: a child quits at once, keeping its last completed epoch.
  const onStop = () => child.kill('SIGINT');
  options.stopSignal?.addEventListener('abort', onStop, { once: true });
  return new Promise((resolve) => {
    const finish = (outcome: JobOutcome) => {
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      options.stopSignal?.removeEventListener('abort', onStop);
      resolve(outcome);
    };
    child.on('error', (error) =>
      finish({
        id: job.id,
        status: 'failed',
        error: { message: `could not start the job: ${error.message}` },
      }),
    );
    child.on('close', (code, signal) => {
      if (result) return finish(result);
      if (options.signal?.aborted) return finish({ id: job.id, status: 'interrupted' });
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const last = tail.trim().split('\n').slice(-3).join(' | ');
      finish({
        id: job.id,
        status: 'failed',
        error: { message: `the job's process ${how} without a result${last ? `: ${last}` : ''}` },
      });
    });
  });
}
