import pc from 'picocolors';
import { EXIT_CODES } from './errors.js';

/** Abort signals wired to Ctrl-C (and SIGTERM), and a way to unwire them. */
export interface InterruptHandle {
  /** Aborted by the first Ctrl-C: finish the batch, save, start nothing new. */
  signal: AbortSignal;
  /** Aborted by the second, when it does not exit: stop at once. */
  stopSignal: AbortSignal;
  dispose(): void;
}

/** Options of {@link handleInterrupt}. */
export interface HandleInterruptOptions {
  /** Where the messages go; default stderr. */
  stream?: NodeJS.WritableStream;
  /** What the first Ctrl-C prints (asked then: it may count what is running). */
  first: () => string;
  /** What each later one prints. */
  again: string;
  /** The second Ctrl-C exits at once (default); `false`: it aborts `stopSignal` instead. */
  exitOnSecond?: boolean;
}

/**
 * Ctrl-C once aborts `signal` (the training loop finishes its batch, keeps the last epoch's
 * checkpoint and marks the run interrupted); Ctrl-C again exits at once, or aborts `stopSignal`.
 */
export function handleInterrupt(options: HandleInterruptOptions): InterruptHandle {
  const stream = options.stream ?? process.stderr;
  const interrupt = new AbortController();
  const stop = new AbortController();
  const onSignal = () => {
    if (!interrupt.signal.aborted) {
      stream.write(options.first());
      interrupt.abort();
      return;
    }
    stream.write(options.again);
    if (options.exitOnSecond !== false) process.exit(EXIT_CODES.interrupted);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: interrupt.signal,
    stopSignal: stop.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** `fmnist train`'s Ctrl-C: once saves after the batch, twice quits. */
export function handleTrainInterrupt(stream: NodeJS.WritableStream): InterruptHandle {
  return handleInterrupt({
    stream,
    first: () =>
      pc.yellow(
        '\nInterrupting: finishing the current batch and saving (Ctrl-C again to quit now)…\n',
      ),
    again: pc.red('\nStopped at once; the run keeps its last completed epoch.\n'),
  });
}

/**
 * `fmnist experiment`'s Ctrl-C: once, no new run starts and the running ones save; twice, they
 * stop at once. `running` says how many are going, for the message.
 */
export function handleExperimentInterrupt(
  stream: NodeJS.WritableStream,
  running: () => number,
): InterruptHandle {
  return handleInterrupt({
    stream,
    first: () => {
      const n = running();
      return pc.yellow(
        `\nInterrupting: ${n} running training${n === 1 ? '' : 's'} finish their batch and save; no new run starts (Ctrl-C again to quit now)…\n`,
      );
    },
    again: pc.red('\nStopping the runs at once; each keeps its last completed epoch.\n'),
    exitOnSecond: false,
  });
}

/** `fmnist sweep`'s Ctrl-C: once, running trials save and no new one starts; twice, it quits. */
export function handleSweepInterrupt(stream: NodeJS.WritableStream): InterruptHandle {
  return handleInterrupt({
    stream,
    first: () =>
      pc.yellow(
        '\nInterrupting: running trials finish their batch and save; no new trial starts. Carry on with --resume.\n',
      ),
    again: pc.yellow('\nStopping now.\n'),
  });
}
