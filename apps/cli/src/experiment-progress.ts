import type { ExperimentEvent, TrainEvent } from '@fmnist/train';
import pc from 'picocolors';
import { displayPath } from './display-path.js';
import { createTrainProgress, type TrainProgress } from './progress.js';

/** Options of {@link createExperimentProgress}. */
export interface ExperimentProgressOptions {
  stream: NodeJS.WriteStream;
  /** Colours (when stderr is a terminal). */
  color: boolean;
}

/** Prints an experiment's events on stderr, each run's lines prefixed with its preset and seed. */
export interface ExperimentProgress {
  onEvent(event: ExperimentEvent): void;
  /** Runs whose job is going now. */
  running(): number;
}

/** A stream that writes each line with `prefix` before it. */
function prefixed(stream: NodeJS.WriteStream, prefix: string): NodeJS.WriteStream {
  const write = (text: string) => {
    const lines = String(text).split('\n');
    const last = lines.pop();
    for (const line of lines) stream.write(line.trim() === '' ? '' : `${prefix}${line}\n`);
    if (last) stream.write(`${prefix}${last}\n`);
    return true;
  };
  return { write, isTTY: false } as unknown as NodeJS.WriteStream;
}

/** The lines of `fmnist experiment` on stderr, from the events of `runExperiment`. */
export function createExperimentProgress(options: ExperimentProgressOptions): ExperimentProgress {
  const { stream, color } = options;
  const runs = new Map<string, TrainProgress>();
  const label = (run: { preset: string; seed: number }) => `${run.preset} seed${run.seed}`;
  const prefix = (run: { preset: string; seed: number }) =>
    color ? pc.cyan(`[${label(run)}] `) : `[${label(run)}] `;
  return {
    running: () => runs.size,
    onEvent(event) {
      if (event.type === 'planned') {
        const { config } = event;
        const s = (n: number) => (n === 1 ? '' : 's');
        stream.write(
          `${pc.bold('Experiment')}: ${displayPath(event.dir)} — suite ${event.suite}: ${config.presets.length} preset${s(config.presets.length)} × ${config.seeds.length} seed${s(config.seeds.length)} = ${event.runs} runs, ${config.epochs} epochs, batch ${config.batchSize}, validation ${config.validation}; ${event.parallel} at a time\n`,
        );
        stream.write(
          `${pc.bold('Data')}: ${event.data.location} (${event.data.verified ? 'verified Fashion-MNIST' : pc.yellow('not verified as Fashion-MNIST')})\n`,
        );
        if (event.resumed) {
          stream.write(
            `${pc.bold('Resuming')}: ${event.runs - event.toResume - event.toStart} of ${event.runs} runs finished; ${event.toResume} to resume, ${event.toStart} to start\n`,
          );
        }
      } else if (event.type === 'run-started') {
        const out = prefixed(stream, prefix(event.run));
        runs.set(event.run.name, createTrainProgress({ stream: out, live: false }));
        out.write(
          `${pc.bold(event.action === 'resume' ? 'Resuming' : 'Run')}: ${displayPath(event.runDir)}\n`,
        );
      } else if (event.type === 'run-event') {
        const inner = event.event;
        const out = prefixed(stream, prefix(event.run));
        if (inner.type === 'backend') {
          out.write(`${pc.bold('Backend')}: ${inner.name} — ${inner.reason}\n`);
          for (const skipped of inner.passedOver) {
            out.write(pc.dim(`  passed over ${skipped.name}: ${skipped.reason}\n`));
          }
        } else if (inner.type !== 'data') {
          runs.get(event.run.name)?.onEvent(inner as TrainEvent);
        }
      } else if (event.type === 'run-output') {
        stream.write(`${prefix(event.run)}${event.line}\n`);
      } else if (event.type === 'run-finished') {
        runs.get(event.run.name)?.stop();
        runs.delete(event.run.name);
        stream.write(
          event.status === 'completed'
            ? `${pc.green('✓')} ${label(event.run)} completed (${event.finished}/${event.runs} runs): test accuracy ${event.testAccuracy?.toFixed(4) ?? '-'}\n`
            : `${pc.yellow('•')} ${label(event.run)} ${event.status}${event.error ? `: ${event.error}` : ''}\n`,
        );
      }
    },
  };
}
