import { describe, expect, it } from 'vitest';
import { listPresets } from '../presets/list-presets.js';
import { getModelSpecJsonSchema } from './get-model-spec-json-schema.js';

describe('getModelSpecJsonSchema', () => {
  const schema = getModelSpecJsonSchema() as {
    properties: Record<
      string,
      { items?: { oneOf?: { properties: { type: { const: string } } }[] } }
    >;
    required: string[];
  };

  it('describes every layer type and the required keys', () => {
    expect(schema.required).toEqual(['inputShape', 'layers', 'optimizer', 'loss']);
    expect(schema.properties.layers?.items?.oneOf?.map((o) => o.properties.type.const)).toEqual([
      'dense',
      'dropout',
      'flatten',
      'reshape',
      'conv2d',
      'maxPooling2d',
      'batchNormalization',
    ]);
  });

  it('allows every key the presets use', () => {
    const layerKeys = new Set(
      (schema.properties.layers?.items?.oneOf ?? []).flatMap((o) => Object.keys(o.properties)),
    );
    for (const { spec } of listPresets()) {
      for (const layer of spec.layers)
        for (const key of Object.keys(layer)) expect(layerKeys).toContain(key);
    }
  });
});
