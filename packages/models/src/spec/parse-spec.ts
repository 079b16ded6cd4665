import { ModelsError } from '../errors/models-error.js';
import type { ModelSpec } from './model-spec.js';
import { validateSpec } from './validate-spec.js';

/**
 * Like {@link validateSpec}, but returns the canonical spec or throws.
 *
 * @param json - anything; typically `JSON.parse` of a spec file
 * @throws ModelsError `INVALID_SPEC`, whose message and `issues` list every fault
 */
export function parseSpec(json: unknown): ModelSpec {
  const result = validateSpec(json);
  if (result.ok) return result.spec;
  const count = result.errors.length;
  throw new ModelsError(
    'INVALID_SPEC',
    `invalid model spec (${count} ${count === 1 ? 'error' : 'errors'}); fix ${count === 1 ? 'it' : 'them'} and try again:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`,
    { issues: result.errors },
  );
}
