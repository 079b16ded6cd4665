import { pathExists } from '@fmnist/runs';
import { BUILT_IN_SPACE_NAMES, createBuiltInSpaces, isBuiltInSpaceName } from '@fmnist/sweep';
import { usageError } from './errors.js';
import { readJsonFile } from './read-regular-file.js';

// A search space is a few hundred bytes.
const MAX_SPACE_BYTES = 1024 * 1024;

/**
 * Read a search space: a built-in one by name, else a JSON file (a regular file: a pipe or device
 * is refused, not read forever).
 *
 * @throws {CliError} naming the built-in spaces when there is no such file, or when it is not JSON.
 */
export async function readSearchSpace(source: string): Promise<Record<string, unknown>> {
  if (isBuiltInSpaceName(source)) return createBuiltInSpaces()[source];
  const hint = `Built-in spaces: ${BUILT_IN_SPACE_NAMES.join(', ')}; or give the path of a search-space JSON file.`;
  if (!(await pathExists(source))) {
    throw usageError(
      `no built-in search space is called ${JSON.stringify(source)}, and no file is there either`,
      hint,
    );
  }
  return (await readJsonFile(source, {
    what: 'search-space file',
    maxBytes: MAX_SPACE_BYTES,
    hint,
  })) as Record<string, unknown>;
}
