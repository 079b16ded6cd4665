import { type LayerSpec, type ModelSpec, OPTIMIZER_DEFAULTS, parseSpec } from '@fmnist/models';
import type { SearchSpace, TrialParams } from './search-space.js';

/** What one trial trains: its model spec and training settings. */
export interface TrialSetup {
  spec: ModelSpec;
  epochs: number;
  batchSize: number;
  holdout: number;
}

function replaceHiddenWidths(layers: readonly LayerSpec[], widths: readonly number[]): LayerSpec[] {
  const denseAt = layers.flatMap((layer, i) => (layer.type === 'dense' ? [i] : []));
  const output = denseAt.at(-1);
  if (output === undefined) return [...layers];
  const hidden = denseAt.slice(0, -1);
  const template = hidden[0] === undefined ? undefined : layers[hidden[0]];
  const activation = template?.type === 'dense' ? template.activation : 'relu';
  const insertAt = hidden[0] ?? output;
  const kept = layers.filter((_, i) => !hidden.includes(i));
  const replaced: LayerSpec[] = widths.map((units) => ({
    type: 'dense',
    units,
    activation,
    useBias: true,
  }));
  const before = kept.slice(0, insertAt);
  return [...before, ...replaced, ...kept.slice(insertAt)];
}

/**
 * The spec and training settings of one trial: the space's base spec and training with the
 * trial's parameters applied. `optimizer` switches to that optimizer with Keras' defaults first;
 * `momentum` and `nesterov` apply only to optimizers that have them (adam ignores them).
 */
export function applyTrialParams(space: SearchSpace, params: TrialParams): TrialSetup {
  const base = space.spec;
  let optimizer =
    params.optimizer !== undefined && params.optimizer !== base.optimizer.name
      ? { ...OPTIMIZER_DEFAULTS[params.optimizer] }
      : { ...base.optimizer };
  if (params.learningRate !== undefined) {
    optimizer = { ...optimizer, learningRate: params.learningRate };
  }
  if (params.momentum !== undefined && optimizer.name !== 'adam') {
    optimizer = { ...optimizer, momentum: params.momentum };
  }
  if (params.nesterov !== undefined && optimizer.name === 'sgd') {
    optimizer = { ...optimizer, nesterov: params.nesterov };
  }
  let layers = base.layers.map((layer) => ({ ...layer }));
  if (params.dropoutRate !== undefined) {
    const rate = params.dropoutRate;
    layers = layers.map((layer) => (layer.type === 'dropout' ? { ...layer, rate } : layer));
  }
  if (params.layerWidths !== undefined) layers = replaceHiddenWidths(layers, params.layerWidths);
  return {
    spec: parseSpec({ ...base, layers, optimizer }),
    epochs: params.epochs ?? space.training.epochs,
    batchSize: params.batchSize ?? space.training.batchSize,
    holdout: space.training.holdout,
  };
}
