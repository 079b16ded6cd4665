/** The names of the built-in presets, in the order `listPresets` returns them. */
export const PRESET_NAMES = [
  'mlp-adam',
  'mlp-rmsprop',
  'mlp-sgd',
  'mlp-deep-sgd',
  'mlp-dropout-rmsprop',
  'mlp-sgd-momentum',
  'cnn',
] as const;

/** One of {@link PRESET_NAMES}. */
export type PresetName = (typeof PRESET_NAMES)[number];
