import { RUN_FILES } from '@fmnist/runs';
import type { TrainResult } from '@fmnist/train';
import pc from 'picocolors';
import { displayPath, quoteForShell } from './display-path.js';
import { EXIT_CODES } from './errors.js';
import { formatEvaluation } from './format-evaluation.js';

/** The final metrics of a run on stdout: train and validation, then the test evaluation. */
function formatTrainingResult(result: TrainResult, shown: string): string {
  const record = result.record;
  const lines: string[] = [''];
  for (const split of ['train', 'validation'] as const) {
    const metrics = record.metrics?.[split];
    if (metrics) {
      lines.push(
        `${split}: loss ${metrics.loss.toFixed(4)} - accuracy ${metrics.accuracy.toFixed(4)}`,
      );
    }
  }
  const test = record.metrics?.test;
  return (
    `${lines.join('\n')}\n` +
    formatEvaluation({
      split: 'test',
      loss: test?.loss,
      accuracy: test?.accuracy,
      classificationReport: record.classificationReport,
      confusionMatrix: record.confusionMatrix,
      classNames: record.classNames,
    }) +
    `${pc.green('Run saved')}: ${shown} (${RUN_FILES.record}, ${RUN_FILES.model}/, ${RUN_FILES.report})\n`
  );
}

/**
 * Say how `fmnist train` ended: the result as JSON (`--json`) or as reports on stdout, and for an
 * interrupted run the command that resumes it, on stderr.
 *
 * @returns the exit code.
 */
export function reportTraining(result: TrainResult, runDir: string, json: boolean): number {
  const shown = displayPath(runDir);
  const resumeCommand = `fmnist train --resume ${quoteForShell(shown)}`;
  if (json) {
    const summary = {
      status: result.status,
      runDir: shown,
      epochs: result.history.length,
      metrics: result.record.metrics ?? {},
      ...(result.status === 'interrupted' ? { resume: resumeCommand } : {}),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  }
  if (result.status === 'interrupted') {
    const done = result.history.at(-1)?.epoch ?? 0;
    process.stderr.write(
      `${pc.yellow('Interrupted')}: the run is saved in ${shown} with ${done} of ${result.record.config.epochs} epochs.\n` +
        `Resume it with:\n  ${resumeCommand}\n`,
    );
    return EXIT_CODES.interrupted;
  }
  if (!json) process.stdout.write(formatTrainingResult(result, shown));
  return EXIT_CODES.ok;
}
