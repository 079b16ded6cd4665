import { pathExists, type RunHandle } from '@fmnist/runs';
import { readCheckpointEpoch } from '@fmnist/train';
import { describeEnvironmentError } from './describe-environment-error.js';
import { displayPath, quoteForShell } from './display-path.js';
import { failure } from './errors.js';

/**
 * A run stopped by the user's machine (a full disk, a read-only one) after its record exists:
 * the error, plus how to carry on from its checkpoint rather than start again. Anything else as is.
 */
export async function withResumeHint(error: unknown, run: RunHandle): Promise<unknown> {
  const problem = describeEnvironmentError(error);
  if (problem === undefined || !(await pathExists(run.paths.record))) return error;
  const checkpoint = await run.findCheckpoint();
  const done = checkpoint === undefined ? 0 : ((await readCheckpointEpoch(checkpoint)) ?? 0);
  const shown = displayPath(run.dir);
  return failure(
    problem.message,
    `${problem.hint}\nThe run is kept in ${shown} (failed, checkpointed after epoch ${done}); to carry on from there instead of starting again:\n  fmnist train --resume ${quoteForShell(shown)}`,
    error,
  );
}
