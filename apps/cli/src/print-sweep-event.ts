import type { SweepEvent } from '@fmnist/sweep';
import pc from 'picocolors';
import { displayPath } from './display-path.js';

/** Print one event of `runSweep` on `stream` (stderr): the plan, each trial's start, epochs and end. */
export function printSweepEvent(event: SweepEvent, stream: NodeJS.WritableStream): void {
  if (event.type === 'planned') {
    const { plan } = event.file;
    const verb = event.resumed ? 'Resuming' : 'Sweep';
    stream.write(
      `${pc.bold(verb)} ${event.file.name}: ${plan.strategy}, ${plan.trials} configurations × ${plan.seeds.length} seed${plan.seeds.length === 1 ? '' : 's'}, ` +
        `${plan.minEpochs === undefined ? '' : `${plan.minEpochs} → `}${plan.epochs} epochs, ${event.file.runner.jobs} at a time` +
        `${event.file.runner.queue ? ` on ${event.file.runner.queue}` : ''}\n  ${displayPath(event.dir)}\n`,
    );
  } else if (event.type === 'trial-started') {
    const { job, action } = event.task;
    const verb =
      job.fromEpochs > 0
        ? `extend ${job.fromEpochs} → ${job.epochs}`
        : action === 'resume'
          ? 'resume'
          : 'start';
    stream.write(pc.dim(`  ${job.id}: ${verb} ${JSON.stringify(job.configuration.params)}\n`));
  } else if (event.type === 'trial-event') {
    const inner = event.event as {
      type?: string;
      epoch?: number;
      epochs?: number;
      valAccuracy?: number;
    };
    if (inner.type === 'epoch') {
      stream.write(
        pc.dim(
          `  ${event.job.id}: epoch ${inner.epoch}/${inner.epochs}${inner.valAccuracy === undefined ? '' : `, val acc ${inner.valAccuracy.toFixed(4)}`}\n`,
        ),
      );
    }
  } else if (event.type === 'trial-finished') {
    const { result, outcome, job } = event;
    const text = result
      ? result.status === 'completed'
        ? pc.green(`val acc ${result.valAccuracy.toFixed(4)}`)
        : pc.yellow(`failed (a result, not retried): ${result.reason}`)
      : pc.red(
          `${outcome.status}, no result: ${outcome.error?.message ?? 'stopped'} (run again with --resume)`,
        );
    stream.write(`  ${job.id}: ${text}\n`);
  }
}
