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

type ExperimentEventOf<T extends ExperimentEvent['type']> = Extract<ExperimentEvent, { type: T }>;
type RunLabel = { preset: string; seed: number };

const label = (run: RunLabel) => `${run.preset} seed${run.seed}`;

/** The two lines of a planned experiment (and a third when it resumes). */
function formatPlanned(event: ExperimentEventOf<'planned'>): string {
  const { config } = event;
  const s = (n: number) => (n === 1 ? '' : 's');
  const lines = [
    `${pc.bold('Experiment')}: ${displayPath(event.dir)} — suite ${event.suite}: ${config.presets.length} preset${s(config.presets.length)} × ${config.seeds.length} seed${s(config.seeds.length)} = ${event.runs} runs, ${config.epochs} epochs, batch ${config.batchSize}, validation ${config.validation}; ${event.parallel} at a time`,
    `${pc.bold('Data')}: ${event.data.location} (${event.data.verified ? 'verified Fashion-MNIST' : pc.yellow('not verified as Fashion-MNIST')})`,
  ];
  if (event.resumed) {
    lines.push(
      `${pc.bold('Resuming')}: ${event.runs - event.toResume - event.toStart} of ${event.runs} runs finished; ${event.toResume} to resume, ${event.toStart} to start`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The line of a finished run. */
function formatRunFinished(event: ExperimentEventOf<'run-finished'>): string {
  return event.status === 'completed'
    ? `${pc.green('✓')} ${label(event.run)} completed (${event.finished}/${event.runs} runs): test accuracy ${event.testAccuracy?.toFixed(4) ?? '-'}\n`
    : `${pc.yellow('•')} ${label(event.run)} ${event.status}${event.error ? `: ${event.error}` : ''}\n`;
}

/**
 * Overall progress: runs and epochs done of the total, elapsed, estimated time left — printed as
 * each run ends and at every tenth of the epochs, so a 100-epoch suite says where it stands.
 */
function createOverallLines(stream: NodeJS.WriteStream, event: ExperimentEventOf<'planned'>) {
  const epochsPerRun = event.config.epochs;
  const runsDone = event.runs - event.toResume - event.toStart;
  const overall: OverallProgress = createOverallProgress({
    runs: event.runs,
    epochsPerRun,
    runsDone,
    epochsDone: runsDone * epochsPerRun,
  });
  const lastEpoch = new Map<string, number>();
  let lastTenth = 0;
  const print = () => stream.write(`${pc.bold(formatOverallProgress(overall.snapshot()))}\n`);
  return {
    epochEnded(run: string, epoch: number) {
      // A resumed run's first epoch event tells how many it had trained before.
      if (!lastEpoch.has(run) && epoch > 1) overall.addEarlierEpochs(epoch - 1);
      lastEpoch.set(run, epoch);
      overall.epochEnded();
      const { epochsDone, epochs } = overall.snapshot();
      const tenth = Math.floor((10 * epochsDone) / Math.max(epochs, 1));
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        print();
      }
    },
    runEnded(run: string) {
      overall.runEnded(Math.max(0, epochsPerRun - (lastEpoch.get(run) ?? 0)));
      lastEpoch.delete(run);
      print();
    },
  };
}

/** The lines of `fmnist experiment` on stderr, from the events of `runExperiment`. */
export function createExperimentProgress(options: ExperimentProgressOptions): ExperimentProgress {
  const { stream, color } = options;
  const runs = new Map<string, TrainProgress>();
  let overall: ReturnType<typeof createOverallLines> | undefined;
  // Why a backend was passed over is the same for every run: say it once, as a note.
  const passedOverSaid = new Set<string>();
  const prefix = (run: RunLabel) => (color ? pc.cyan(`[${label(run)}] `) : `[${label(run)}] `);
  const onRunEvent = (event: ExperimentEventOf<'run-event'>) => {
    const inner = event.event;
    if (inner.type === 'backend') {
      prefixed(stream, prefix(event.run)).write(
        `${pc.bold('Backend')}: ${inner.name} — ${inner.reason}\n`,
      );
      for (const skipped of inner.passedOver) {
        const said = `${skipped.name}: ${skipped.reason}`;
        if (passedOverSaid.has(said)) continue;
        passedOverSaid.add(said);
        stream.write(pc.dim(`note: passed over ${said} (said once, for every run)\n`));
      }
    } else if (inner.type !== 'data') {
      runs.get(event.run.name)?.onEvent(inner as TrainEvent);
      if (inner.type === 'epoch') overall?.epochEnded(event.run.name, inner.epoch);
    }
  };
  return {
    running: () => runs.size,
    onEvent(event) {
      if (event.type === 'planned') {
        stream.write(formatPlanned(event));
        overall = createOverallLines(stream, event);
      } else if (event.type === 'run-started') {
        const out = prefixed(stream, prefix(event.run));
        runs.set(event.run.name, createTrainProgress({ stream: out, live: false }));
        out.write(
          `${pc.bold(event.action === 'resume' ? 'Resuming' : 'Run')}: ${displayPath(event.runDir)}\n`,
        );
      } else if (event.type === 'run-event') {
        onRunEvent(event);
      } else if (event.type === 'run-output') {
        stream.write(`${prefix(event.run)}${event.line}\n`);
      } else if (event.type === 'run-finished') {
        runs.get(event.run.name)?.stop();
        runs.delete(event.run.name);
        stream.write(formatRunFinished(event));
        overall?.runEnded(event.run.name);
      }
    },
  };
}
