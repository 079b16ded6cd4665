import type { HyperparameterValue } from './run-summary.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const scalar = (value: unknown): HyperparameterValue | undefined =>
  typeof value === 'number' && Number.isFinite(value)
    ? value
    : typeof value === 'string' || typeof value === 'boolean'
      ? value
      : undefined;

/**
 * A run's hyperparameters, read from its effective spec and training config: the optimizer's
 * name and every scalar option of it (learningRate, momentum, beta1, rho, ...), batchSize,
 * epochs, seed, the validation mode, the largest dropout rate (0 without dropout), the dense
 * layers' widths (`128-64-10`) and their count (`depth`). Generic on purpose: a sweep that
 * varies any scalar of the optimizer or config shows up without the viewer knowing of it.
 */
export function readHyperparameters(
  spec: unknown,
  config: unknown,
): Record<string, HyperparameterValue> {
  const out: Record<string, HyperparameterValue> = {};
  const optimizer = isObject(spec) ? spec.optimizer : undefined;
  if (typeof optimizer === 'string') out.optimizer = optimizer.toLowerCase();
  else if (isObject(optimizer)) {
    if (typeof optimizer.name === 'string') out.optimizer = optimizer.name.toLowerCase();
    for (const [name, value] of Object.entries(optimizer)) {
      const v = scalar(value);
      if (name !== 'name' && v !== undefined) out[name] = v;
    }
  }
  if (isObject(config)) {
    for (const name of ['batchSize', 'epochs', 'seed']) {
      const v = scalar(config[name]);
      if (v !== undefined) out[name] = v;
    }
    const validation = config.validation;
    if (isObject(validation) && typeof validation.mode === 'string')
      out.validation = validation.mode;
  }
  const layers = isObject(spec) && Array.isArray(spec.layers) ? spec.layers.filter(isObject) : [];
  if (layers.length > 0) {
    const rates = layers.filter((l) => l.type === 'dropout').map((l) => Number(l.rate) || 0);
    out.dropout = rates.length > 0 ? Math.max(...rates) : 0;
    const widths = layers
      .filter((l) => l.type === 'dense' || l.type === 'conv2d')
      .map((l) => Number(l.type === 'dense' ? l.units : l.filters));
    if (widths.length > 0) {
      out.widths = widths.join('-');
      out.depth = widths.length;
    }
  }
  return out;
}
