import type { ModelSpec } from '../spec/model-spec.js';
import { countParameters } from '../summary/count-parameters.js';
import { createPresetSpecs } from './create-preset-spec.js';
import { PRESET_NAMES, type PresetName } from './preset-names.js';

/** One entry of {@link listPresets}. */
export interface PresetInfo {
  name: PresetName;
  /** What the preset is and where it comes from. */
  description: string;
  /** Total parameter count (as Keras' `model.summary()` reports it). */
  parameters: number;
  /** The canonical spec (a fresh copy: changing it changes nothing else). */
  spec: ModelSpec;
}

/** Every built-in preset with its description, parameter count and spec. */
export function listPresets(): PresetInfo[] {
  const specs = createPresetSpecs();
  return PRESET_NAMES.map((name) => {
    const spec = specs[name];
    return { name, description: spec.description ?? '', parameters: countParameters(spec), spec };
  });
}
