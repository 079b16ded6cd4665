import { isNestedDeeperThan } from '../util/measure-json-depth.js';
import { describeLayers } from './describe-layers.js';
import { describeIssue, formatSpecIssue } from './format-spec-issue.js';
import type { LayerSpec, ModelSpec, OptimizerSpec } from './model-spec.js';
import { modelSpecSchema, type ParsedModelSpec } from './model-spec-schema.js';

/** The result of {@link validateSpec}. */
export type ValidateSpecResult = { ok: true; spec: ModelSpec } | { ok: false; errors: string[] };

const MAX_SPEC_DEPTH = 64;
// Far beyond any Fashion-MNIST model (the notebook's have 7 layers and 110_000 parameters), and
// below what tfjs builds (it overflows the stack near 5000 layers) and a machine holds.
const MAX_LAYERS = 1000;
const MAX_PARAMS = 100_000_000;

const toPair = (value: number | [number, number]): [number, number] =>
  typeof value === 'number' ? [value, value] : [value[0], value[1]];

function canonicalizeLayer(layer: ParsedModelSpec['layers'][number]): LayerSpec {
  switch (layer.type) {
    case 'conv2d':
      return { ...layer, kernelSize: toPair(layer.kernelSize), strides: toPair(layer.strides) };
    case 'maxPooling2d': {
      const poolSize = toPair(layer.poolSize);
      return {
        ...layer,
        poolSize,
        strides: layer.strides === undefined ? poolSize : toPair(layer.strides),
      };
    }
    case 'reshape':
      return { type: 'reshape', targetShape: [...layer.targetShape] };
    case 'dropout':
      return layer.seed === undefined
        ? { type: 'dropout', rate: layer.rate }
        : { type: 'dropout', rate: layer.rate, seed: layer.seed };
    default:
      return { ...layer };
  }
}

function canonicalizeOptimizer(optimizer: ParsedModelSpec['optimizer']): OptimizerSpec {
  switch (optimizer.name) {
    case 'adam':
    case 'Adam':
      return { ...optimizer, name: 'adam' };
    case 'rmsprop':
    case 'RMSprop':
    case 'RMSProp':
      return { ...optimizer, name: 'rmsprop' };
    case 'sgd':
    case 'SGD':
      return { ...optimizer, name: 'sgd' };
  }
}

/**
 * Checks a model spec written by hand (or read from JSON) and returns it in canonical form:
 * every default filled in (Keras' values), optimizer names lower-case, sizes as pairs.
 *
 * Errors carry the path of the fault and say what to do, e.g.
 * `layers[2].units must be a positive integer, got -3`, and include checks of the layer
 * sequence (a conv2d on a flat input says which reshape to add).
 *
 * @param json - anything; typically `JSON.parse` of a spec file
 */
export function validateSpec(json: unknown): ValidateSpecResult {
  // A spec nests four levels; walking one nested 10_000 deep would overflow the stack.
  if (isNestedDeeperThan(json, MAX_SPEC_DEPTH)) {
    return {
      ok: false,
      errors: [
        `(root) nests arrays and objects more than ${MAX_SPEC_DEPTH} levels deep, which no model spec does: start from one that fmnist presets <name> --json prints`,
      ],
    };
  }
  return validateDefinedSpec(dropUndefined(json));
}

/** Treats `{ momentum: undefined }` (from TypeScript spreads) like a missing key, as JSON would. */
function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (
    value === null ||
    typeof value !== 'object' ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => [key, dropUndefined(entry)]),
  );
}

function validateDefinedSpec(json: unknown): ValidateSpecResult {
  const parsed = modelSpecSchema.safeParse(json, { error: describeIssue });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => formatSpecIssue(issue, json)) };
  }
  const { $schema: _schema, name, description, inputShape, layers, optimizer } = parsed.data;
  const spec: ModelSpec = {
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
    inputShape: [...inputShape],
    layers: layers.map(canonicalizeLayer),
    optimizer: canonicalizeOptimizer(optimizer),
    loss: 'categoricalCrossentropy',
  };
  if (spec.layers.length > MAX_LAYERS) {
    return {
      ok: false,
      errors: [
        `layers lists ${spec.layers.length} layers; fmnist builds models of at most ${MAX_LAYERS} (tfjs overflows the stack on deeper ones): use fewer layers`,
      ],
    };
  }
  const described = describeLayers(spec);
  const errors = described.errors;
  const params = described.layers.reduce(
    (sum, l) => sum + l.trainableParams + l.nonTrainableParams,
    0,
  );
  if (errors.length === 0 && params > MAX_PARAMS) {
    errors.push(
      `the model has ${params.toLocaleString('en-US')} parameters (${(params / 2 ** 28).toFixed(1)} GB of float32 weights); fmnist builds models of at most ${MAX_PARAMS.toLocaleString('en-US')}: use fewer units or filters`,
    );
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, spec };
}
