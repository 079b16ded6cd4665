import { readFile } from 'node:fs/promises';
import { BUILT_IN_SPACE_NAMES, createBuiltInSpaces, isBuiltInSpaceName } from '@fmnist/sweep';
import { failure, usageError } from './errors.js';

/**
 * Read a search space: a built-in one by name, else a JSON file.
 *
 * @throws {CliError} naming the built-in spaces when there is no such file, or when it is not JSON.
 */
export async function readSearchSpace(source: string): Promise<Record<string, unknown>> {
  if (isBuiltInSpaceName(source)) return createBuiltInSpaces()[source];
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (cause) {
    throw usageError(
      `no built-in search space is called ${JSON.stringify(source)}, and no file is there either (${(cause as Error).message})`,
      `Built-in spaces: ${BUILT_IN_SPACE_NAMES.join(', ')}; or give the path of a search-space JSON file.`,
    );
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (cause) {
    throw failure(`${source} is not JSON: ${(cause as Error).message}`, undefined, cause);
  }
}
