import { resolve } from 'node:path';
import { parseSpec } from '@fmnist/models';
import { openRun, type RunHandle } from '@fmnist/runs';
import { backendThreadsFor, readCheckpointEpoch, resume } from '@fmnist/train';
import type { Command } from 'commander';
import pc from 'picocolors';
import { describeData } from './describe-data.js';
import { displayPath } from './display-path.js';
import { failure } from './errors.js';
import { checkResumeFlags } from './given-flags.js';
import { loadRunData } from './load-run.js';
import type { PreparedTraining, TrainFlags } from './train-flags.js';
import { useBackend } from './use-backend.js';

// Flags that --resume may be given with; every other one comes from the run's record.
const RESUME_FLAGS = new Set(['resume', 'dataDir', 'backend', 'json']);

/** Say on stderr where the run carries on: after its checkpoint's epoch, or from scratch. */
async function sayWhereItResumes(run: RunHandle, recorded: number, epochs: number): Promise<void> {
  const checkpointDir = await run.findCheckpoint();
  if (checkpointDir === undefined && recorded > 0) {
    process.stderr.write(
      `${pc.yellow('The checkpoint is missing')}: ${displayPath(run.dir)} restarts from scratch; its ${recorded} recorded epochs are trained again (of ${epochs}).\n`,
    );
    return;
  }
  const done =
    checkpointDir === undefined ? 0 : ((await readCheckpointEpoch(checkpointDir)) ?? recorded);
  process.stderr.write(
    `${pc.bold('Resuming')} ${displayPath(run.dir)} after epoch ${done} of ${epochs}\n`,
  );
}

/**
 * `fmnist train --resume <dir>`: open (lock) the run, refuse a completed one, choose the backend
 * and load the data it was trained on (said on stderr), and say where it carries on.
 */
export async function prepareResumedTraining(
  flags: TrainFlags & { resume: string },
  command: Command,
): Promise<PreparedTraining> {
  checkResumeFlags(
    command,
    RESUME_FLAGS,
    '--resume continues a run with the settings it started with',
    'Drop those flags, or start a new run without --resume.',
  );
  const run = await openRun(resolve(flags.resume));
  // Whatever stops us before training starts releases the run's lock on the way out.
  const prepared = await (async () => {
    const record = await run.readRecord();
    if (record.status === 'completed') {
      throw failure(
        `the run in ${displayPath(run.dir)} is already completed; there is nothing to resume`,
        `Start a new run, e.g. fmnist train --preset ${record.preset ?? 'mlp-adam'} --epochs ${record.config.epochs + 10}.`,
      );
    }
    const backend = await useBackend(flags.backend, backendThreadsFor(parseSpec(record.spec)));
    const data = await loadRunData(record, flags.dataDir && resolve(flags.dataDir));
    process.stderr.write(`${describeData(data)}\n`);
    await sayWhereItResumes(run, record.history.at(-1)?.epoch ?? 0, record.config.epochs);
    return { backend, data };
  })().catch(async (error: unknown) => {
    await run.close();
    throw error;
  });
  const { backend, data } = prepared;
  return {
    run,
    resuming: true,
    start: (signal, onEvent) =>
      resume(run, {
        data,
        signal,
        backend,
        onEvent,
      }),
  };
}
