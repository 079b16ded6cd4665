import { writeFileAtomically } from '@fmnist/runs';
import { describeEnvironmentError } from './describe-environment-error.js';
import { displayPath } from './display-path.js';
import { failure } from './errors.js';

/**
 * Write a file the user asked for (`--out`) through a temporary file and a rename, so that a
 * full disk or a crash leaves the old file whole instead of truncated.
 *
 * @throws {CliError} naming the path, saying the old file is unchanged and what to do.
 */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomically(path, data);
  } catch (error) {
    const problem = describeEnvironmentError(error);
    throw failure(
      `cannot write ${displayPath(path)}: ${problem?.message ?? (error as Error).message}; a file that was there is unchanged`,
      problem?.hint ?? 'Check the path, or write elsewhere.',
      error,
    );
  }
}
