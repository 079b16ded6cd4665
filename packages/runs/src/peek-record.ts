import { readFile } from 'node:fs/promises';
import { EXPERIMENT_FILES, RUN_FILES } from './layout.js';
import { experimentPaths } from './open-experiment.js';
import { runPaths } from './open-run.js';

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

/**
 * A run's or an experiment's record as JSON, not checked against its schema (a viewer shows what
 * is there); a missing or malformed file gives an `error` in words, never a throw.
 */
export async function peekRecord(
  kind: 'run' | 'experiment',
  dir: string,
): Promise<{ record?: unknown; error?: string }> {
  const what = kind === 'run' ? RUN_FILES.record : EXPERIMENT_FILES.record;
  const file = kind === 'run' ? runPaths(dir).record : experimentPaths(dir).record;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return errorCode(error) === 'ENOENT'
      ? {
          error: `${what} is not there (yet): the directory is still being created, or is not a ${kind} directory`,
        }
      : { error: `${what} could not be read: ${(error as Error).message}` };
  }
  try {
    return { record: JSON.parse(text) };
  } catch (error) {
    return {
      error: `${what} is not valid JSON (${(error as Error).message}): the file is damaged or was cut short`,
    };
  }
}
