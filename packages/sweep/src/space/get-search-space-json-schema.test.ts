import { describe, expect, it } from 'vitest';
import { getSearchSpaceJsonSchema } from './get-search-space-json-schema.js';

describe('getSearchSpaceJsonSchema', () => {
  it('describes every parameter and refuses unknown ones, for editors', () => {
    const schema = getSearchSpaceJsonSchema() as {
      $schema: string;
      title: string;
      properties: {
        parameters: { properties: Record<string, unknown>; additionalProperties: boolean };
      };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('@fmnist/sweep search space');
    expect(Object.keys(schema.properties.parameters.properties)).toEqual([
      'learningRate',
      'momentum',
      'nesterov',
      'optimizer',
      'batchSize',
      'dropoutRate',
      'layerWidths',
      'epochs',
    ]);
    expect(schema.properties.parameters.additionalProperties).toBe(false);
  });
});
