import { ModelsError } from '../errors/models-error.js';
import type { ModelSpec } from '../spec/model-spec.js';
import { formatDidYouMean } from '../util/suggest-closest.js';
import { createPresetSpecs } from './create-preset-spec.js';
import { PRESET_NAMES, type PresetName } from './preset-names.js';

const isPresetName = (name: string): name is PresetName =>
  (PRESET_NAMES as readonly string[]).includes(name);

/**
 * The canonical spec of a built-in preset (a fresh copy).
 *
 * @throws ModelsError `UNKNOWN_PRESET` listing the valid names, with a did-you-mean
 */
export function getPreset(name: string): ModelSpec {
  if (!isPresetName(name)) {
    throw new ModelsError(
      'UNKNOWN_PRESET',
      `unknown preset ${JSON.stringify(name)}${formatDidYouMean(name, PRESET_NAMES)}: expected one of ${PRESET_NAMES.join(', ')}`,
    );
  }
  return createPresetSpecs()[name];
}
