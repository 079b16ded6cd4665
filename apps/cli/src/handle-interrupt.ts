import pc from 'picocolors';
import { EXIT_CODES } from './errors.js';

/** An abort signal wired to Ctrl-C, and a way to unwire it. */
export interface InterruptHandle {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Ctrl-C once aborts `signal` (the training loop finishes its batch, keeps the last epoch's
 * checkpoint and marks the run interrupted); Ctrl-C again exits at once.
 */
export function handleInterrupt(stream: NodeJS.WritableStream = process.stderr): InterruptHandle {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) {
      stream.write(pc.red('\nStopped at once; the run keeps its last completed epoch.\n'));
      process.exit(EXIT_CODES.interrupted);
    }
    stream.write(
      pc.yellow(
        '\nInterrupting: finishing the current batch and saving (Ctrl-C again to quit now)…\n',
      ),
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
