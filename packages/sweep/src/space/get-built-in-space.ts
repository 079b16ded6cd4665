import { SweepError } from '../errors/sweep-error.js';
import { BUILT_IN_SPACE_NAMES, createBuiltInSpaces } from './built-in-spaces.js';
import type { SearchSpace } from './search-space.js';
import { validateSearchSpace } from './validate-search-space.js';

/** Whether `name` names a built-in search space. */
export function isBuiltInSpaceName(name: string): name is (typeof BUILT_IN_SPACE_NAMES)[number] {
  return (BUILT_IN_SPACE_NAMES as readonly string[]).includes(name);
}

/**
 * A built-in search space, validated.
 *
 * @throws {SweepError} `UNKNOWN_SPACE` for a name that is not in `BUILT_IN_SPACE_NAMES`
 */
export function getBuiltInSpace(name: string): SearchSpace {
  if (!isBuiltInSpaceName(name)) {
    throw new SweepError(
      'UNKNOWN_SPACE',
      `no built-in search space is called ${JSON.stringify(name)}: the built-in ones are ${BUILT_IN_SPACE_NAMES.join(', ')}; or give the path of a search-space JSON file`,
    );
  }
  return validateSearchSpace(createBuiltInSpaces()[name]);
}
