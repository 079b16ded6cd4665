import { z } from 'zod';
import { searchSpaceSchema } from './search-space-schema.js';

/**
 * The JSON Schema (draft 2020-12) of a search-space file, for editors and other tools.
 * The package also ships it as `@fmnist/sweep/search-space.schema.json`.
 */
export function getSearchSpaceJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(searchSpaceSchema, { io: 'input', target: 'draft-2020-12' }),
    title: '@fmnist/sweep search space',
  };
}
