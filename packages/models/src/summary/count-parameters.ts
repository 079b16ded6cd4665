import { describeLayers } from '../spec/describe-layers.js';
import type { ModelSpec, ModelSpecInput } from '../spec/model-spec.js';
import { parseSpec } from '../spec/parse-spec.js';

/**
 * Total number of parameters (trainable and not) of the model a spec describes, computed from
 * the spec alone — Keras' "Total params". The notebook's model 1 has 115,306.
 *
 * @throws ModelsError `INVALID_SPEC` when the spec is not valid
 */
export function countParameters(spec: ModelSpec | ModelSpecInput): number {
  const { layers } = describeLayers(parseSpec(spec));
  return layers.reduce((sum, layer) => sum + layer.trainableParams + layer.nonTrainableParams, 0);
}
