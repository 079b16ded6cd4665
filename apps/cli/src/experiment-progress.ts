import type { ExperimentEvent, TrainEvent } from '@fmnist/train';
import pc from 'picocolors';
import { displayPath } from './display-path.js';
import {
  createOverallProgress,
  formatOverallProgress,
  type OverallProgress,
} from './overall-progress.js';
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
  // Overall progress: runs and epochs done of the total, elapsed, estimated time left — printed as
  // each run ends and at every tenth of the epochs, so a 100-epoch suite says where it stands.
  let overall: OverallProgress | undefined;
  let epochsPerRun = 0;
  let lastTenth = 0;
  const lastEpoch = new Map<string, number>();
  const printOverall = () => {
    if (overall) stream.write(`${pc.bold(formatOverallProgress(overall.snapshot()))}\n`);
  };
  // Why a backend was passed over is the same for every run: say it once, as a note.
  const passedOverSaid = new Set<string>();
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
        epochsPerRun = config.epochs;
        const runsDone = event.runs - event.toResume - event.toStart;
        overall = createOverallProgress({
          runs: event.runs,
          epochsPerRun,
          runsDone,
          epochsDone: runsDone * epochsPerRun,
        });
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
            const said = `${skipped.name}: ${skipped.reason}`;
            if (passedOverSaid.has(said)) continue;
            passedOverSaid.add(said);
            stream.write(pc.dim(`note: passed over ${said} (said once, for every run)\n`));
          }
        } else if (inner.type !== 'data') {
          runs.get(event.run.name)?.onEvent(inner as TrainEvent);
          if (inner.type === 'epoch' && overall) {
            const before = lastEpoch.get(event.run.name);
            // A resumed run's first epoch event tells how many it had trained before.
            if (before === undefined && inner.epoch > 1) overall.addEarlierEpochs(inner.epoch - 1);
            lastEpoch.set(event.run.name, inner.epoch);
            overall.epochEnded();
            const { epochsDone, epochs } = overall.snapshot();
            const tenth = Math.floor((10 * epochsDone) / Math.max(epochs, 1));
            if (tenth > lastTenth && tenth < 10) {
              lastTenth = tenth;
              printOverall();
            }
          }
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
        overall?.runEnded(Math.max(0, epochsPerRun - (lastEpoch.get(event.run.name) ?? 0)));
        lastEpoch.delete(event.run.name);
        printOverall();
      }
    },
  };
}
