/**
 * `@fmnist/models/browser`: everything of `@fmnist/models` that runs in a browser (no `node:`
 * imports) — specs, presets, summaries, building — plus loading from a URL or dropped files.
 * Saving to and loading from a directory live in the Node entry, `@fmnist/models`.
 *
 * @packageDocumentation
 */

export type { BuildModelOptions } from './build/build-model.js';
export { buildModel } from './build/build-model.js';
export { createOptimizer } from './build/create-optimizer.js';
export { deriveSeed } from './build/derive-seed.js';
export { disposeModel } from './build/dispose-model.js';
export type { ModelsErrorCode, ModelsErrorOptions } from './errors/models-error.js';
export { MODELS_ERROR_CODES, ModelsError } from './errors/models-error.js';
export { loadModelFromFiles } from './io/load-model-from-files.js';
export type { LoadModelFromUrlOptions } from './io/load-model-from-url.js';
export { loadModelFromUrl } from './io/load-model-from-url.js';
export { MODEL_FILE_NAMES } from './io/model-file-names.js';
export type { KerasAdamOptions } from './optimizers/keras-adam.js';
export { KerasAdam } from './optimizers/keras-adam.js';
export type { ArrayUpdate } from './optimizers/keras-optimizer.js';
export { KerasOptimizer } from './optimizers/keras-optimizer.js';
export type { KerasRmspropOptions } from './optimizers/keras-rmsprop.js';
export { KerasRmsprop } from './optimizers/keras-rmsprop.js';
export type { KerasSgdOptions } from './optimizers/keras-sgd.js';
export { KerasSgd } from './optimizers/keras-sgd.js';
export { registerKerasOptimizers } from './optimizers/register-keras-optimizers.js';
export { getPreset } from './presets/get-preset.js';
export type { PresetInfo } from './presets/list-presets.js';
export { listPresets } from './presets/list-presets.js';
export type { PresetName } from './presets/preset-names.js';
export { PRESET_NAMES } from './presets/preset-names.js';
export type { SpecOverrides } from './spec/apply-spec-overrides.js';
export { applySpecOverrides } from './spec/apply-spec-overrides.js';
export { getModelSpecJsonSchema } from './spec/get-model-spec-json-schema.js';
export type {
  Activation,
  AdamOptimizerSpec,
  BatchNormalizationLayerSpec,
  BatchNormalizationLayerSpecInput,
  Conv2dLayerSpec,
  Conv2dLayerSpecInput,
  DenseLayerSpec,
  DenseLayerSpecInput,
  DropoutLayerSpec,
  DropoutLayerSpecInput,
  FlattenLayerSpec,
  FlattenLayerSpecInput,
  LayerSpec,
  LayerSpecInput,
  LayerType,
  MaxPooling2dLayerSpec,
  MaxPooling2dLayerSpecInput,
  ModelSpec,
  ModelSpecInput,
  OptimizerName,
  OptimizerNameInput,
  OptimizerSpec,
  OptimizerSpecInput,
  Padding,
  ReshapeLayerSpec,
  ReshapeLayerSpecInput,
  RmspropOptimizerSpec,
  SgdOptimizerSpec,
} from './spec/model-spec.js';
export { OPTIMIZER_DEFAULTS } from './spec/optimizer-defaults.js';
export { parseSpec } from './spec/parse-spec.js';
export type { ValidateSpecResult } from './spec/validate-spec.js';
export { validateSpec } from './spec/validate-spec.js';
export { countParameters } from './summary/count-parameters.js';
export { summarizeModel } from './summary/summarize-model.js';
export { formatDidYouMean, suggestClosest } from './util/suggest-closest.js';
