import { join } from 'node:path';
import { stripTerminalControls } from '@fmnist/metrics';
import { pathExists, SWEEP_FILES } from '@fmnist/runs';
import { formatSweepReport, readSweepFile, SweepError, type SweepFile } from '@fmnist/sweep';
import { displayPath } from './display-path.js';
import { failure } from './errors.js';

/** Whether `dir` is a sweep directory (it holds `sweep.json`). */
export async function isSweepDirectory(dir: string): Promise<boolean> {
  return pathExists(join(dir, SWEEP_FILES.record));
}

/**
 * `fmnist compare <sweep dir>`: the sweep's ranked table as its `report.md` has it — every
 * configuration by validation accuracy (mean ± std over seeds) on the holdout all trials share,
 * McNemar's exact test of each top one against the best on that holdout, and the retrained
 * configuration's one test score — in `text`, `md` (report.md itself) or `json`.
 *
 * @throws {CliError} when `sweep.json` cannot be read or is not a sweep record.
 */
export async function compareSweep(dir: string, format: 'text' | 'md' | 'json'): Promise<string> {
  let file: SweepFile;
  try {
    file = await readSweepFile(dir);
  } catch (error) {
    if (!SweepError.isInstance(error)) throw error;
    throw failure(
      error.message,
      'Give a directory that fmnist sweep wrote (sweeps/<name>-<time>), or resume it: fmnist sweep --resume <dir>.',
      error,
    );
  }
  if (format === 'json') {
    const { name, status, plan, runner, table, retrain, wallSeconds } = file;
    return `${JSON.stringify(
      {
        sweep: displayPath(dir),
        name,
        status,
        plan,
        runner,
        rankedBy:
          'epochs reached (the ASHA rung), then validation accuracy on the shared holdout, mean over seeds',
        table,
        ...(retrain === undefined ? {} : { retrain }),
        wallSeconds,
      },
      null,
      2,
    )}\n`;
  }
  return stripTerminalControls(
    formatSweepReport(file, dir, { format: format === 'md' ? 'markdown' : 'text' }),
  );
}
