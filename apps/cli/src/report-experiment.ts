import { formatExperimentTableText, parseExperimentRecord } from '@fmnist/metrics';
import { EXPERIMENT_FILES, type ExperimentConfig } from '@fmnist/runs';
import type { ExperimentResult } from '@fmnist/train';
import pc from 'picocolors';
import { displayPath, quoteForShell } from './display-path.js';
import { EXIT_CODES } from './errors.js';
import { formatDuration } from './overall-progress.js';

/**
 * Print how `fmnist experiment` ended: the table (or the record, with `--json`) on stdout, and on
 * stderr the resume command of an interrupted one or the runs that failed.
 *
 * @returns the exit code.
 */
export function reportExperiment(result: ExperimentResult, json: boolean): number {
  const err = process.stderr;
  const shown = displayPath(result.dir);
  const resumeCommand = `fmnist experiment --resume ${quoteForShell(shown)}`;
  if (json) {
    process.stdout.write(`${JSON.stringify(result.record, null, 2)}\n`);
  } else {
    const lines = [formatExperimentTableText(parseExperimentRecord(result.record))];
    const notes = describeSettings(result.record.config);
    if (notes !== undefined) lines.push('', notes);
    lines.push(
      '',
      `${pc.green('Experiment saved')}: ${shown} (${EXPERIMENT_FILES.record}, ${EXPERIMENT_FILES.report}, ${EXPERIMENT_FILES.runs}/) — ${formatWallTime(result.record.wallSeconds)} wall time`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (result.status === 'interrupted') {
    err.write(
      `${pc.yellow('Interrupted')}: ${result.finished} of ${result.runs} runs finished; the others keep their last completed epoch.\n` +
        `Resume it with:\n  ${resumeCommand}\n`,
    );
    return EXIT_CODES.interrupted;
  }
  if (result.failed.length > 0) {
    const n = result.failed.length;
    err.write(
      `${pc.red('error')}: ${n} run${n === 1 ? '' : 's'} failed: ${result.failed.map((f) => `${f.run.preset} seed${f.run.seed}`).join(', ')} (their output above says why)\n` +
        `Fix the cause and run them again with: ${resumeCommand}\n`,
    );
    return EXIT_CODES.failure;
  }
  return EXIT_CODES.ok;
}

/** Say how the runs differ from the notebook's settings, which its figures come from. */
function describeSettings(config: ExperimentConfig): string | undefined {
  const differences: string[] = [];
  if (config.epochs !== 100) differences.push(`${config.epochs} epochs (not 100)`);
  if (config.batchSize !== 200) differences.push(`batch ${config.batchSize} (not 200)`);
  if (config.validation !== 'test') {
    differences.push(`validation ${config.validation} (the notebook validated on the test set)`);
  }
  if (differences.length === 0) return undefined;
  return `note: the notebook's figures come from 100 epochs at batch 200; these runs had ${differences.join(', ')}.`;
}

/** Wall time: `32.5s` below a minute, else as the progress lines say durations (`3m 05s`). */
function formatWallTime(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)}s` : formatDuration(seconds);
}
