import { z } from 'zod';
import { modelSpecSchema } from './model-spec-schema.js';

/**
 * The JSON Schema (draft 2020-12) of a model spec file, for editors and other tools.
 * The package also ships it as `@fmnist/models/model-spec.schema.json`.
 */
export function getModelSpecJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(modelSpecSchema, { io: 'input', target: 'draft-2020-12' }),
    title: '@fmnist/models model spec',
  };
}
