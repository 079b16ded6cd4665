import { getPreset, type ModelSpec, suggestClosest, validateSpec } from '@fmnist/models';
import { z } from 'zod';
import { SweepError } from '../errors/sweep-error.js';
import { formatJsonPath } from './format-json-path.js';
import type { ParameterDomain, SearchSpace } from './search-space.js';
import {
  createParameterSchemas,
  PARAMETER_DEFINITIONS,
  PARAMETER_NAMES,
  type ParameterKind,
  type ParameterName,
  searchSpaceFields,
} from './search-space-schema.js';

/** Default training of a trial, where the space leaves it out. */
export const DEFAULT_TRAINING = { epochs: 20, batchSize: 32, holdout: 0.1 } as const;

const shellSchema = z.strictObject({
  ...searchSpaceFields,
  parameters: z.record(z.string(), z.unknown(), {
    error: (issue) =>
      `must be an object of parameters (e.g. {"learningRate": {"logRange": [0.001, 0.3]}}), got ${JSON.stringify(issue.input) ?? 'nothing'}`,
  }),
});

const KIND_EXAMPLES: Record<ParameterKind, string> = {
  list: 'a list of values [a, b, …]',
  range: '{"range": [min, max]}',
  logRange: '{"logRange": [min, max]}',
};

function formatIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): string {
  const path = [...prefix, ...issue.path];
  const where = formatJsonPath(path);
  if (issue.code === 'unrecognized_keys') {
    const known = path.length === 0 ? Object.keys(shellSchema.shape) : [];
    const keys = issue.keys
      .map((key) => {
        const close = suggestClosest(key, known);
        return `${JSON.stringify(key)}${close ? ` (did you mean ${JSON.stringify(close)}?)` : ''}`;
      })
      .join(', ');
    return `${where} has unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${keys}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `${where} is missing`;
  }
  return `${where} ${issue.message}`;
}

function kindOf(value: unknown): ParameterKind | undefined {
  if (Array.isArray(value)) return 'list';
  if (value === null || typeof value !== 'object') return undefined;
  if ('logRange' in value) return 'logRange';
  if ('range' in value) return 'range';
  return undefined;
}

function parseParameter(
  name: ParameterName,
  input: unknown,
  issues: string[],
): ParameterDomain | undefined {
  const where = formatJsonPath(['parameters', name]);
  const allowed = PARAMETER_DEFINITIONS[name].kinds as readonly ParameterKind[];
  const kind = kindOf(input);
  if (kind === undefined || !allowed.includes(kind)) {
    const expected = allowed.map((k) => KIND_EXAMPLES[k]).join(' or ');
    const found = kind === undefined ? JSON.stringify(input) : `a ${kind}`;
    issues.push(`${where} must be ${expected}, got ${found}`);
    return undefined;
  }
  const parsed = createParameterSchemas(name)[kind].safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push(formatIssue(issue, ['parameters', name]));
    return undefined;
  }
  if (kind === 'list') return { kind, values: parsed.data as unknown[] };
  const { points } = parsed.data as { points?: number };
  const [min, max] = (parsed.data as unknown as Record<string, [number, number]>)[kind] as [
    number,
    number,
  ];
  const bounds = `${where}.${kind}`;
  const { integer } = PARAMETER_DEFINITIONS[name];
  let valid = true;
  if (!(min < max)) {
    issues.push(
      `${bounds} is empty: min ${min} must be below max ${max} (for one value, write a list: [${min}])`,
    );
    valid = false;
  }
  if (kind === 'logRange' && min <= 0) {
    issues.push(
      `${bounds}[0] must be above 0, got ${min}: a log-range cannot touch 0 (use "range", or a small positive min such as 1e-4)`,
    );
    valid = false;
  }
  if (integer && points !== undefined && points > max - min + 1) {
    issues.push(
      `${where}.points asks for ${points} whole numbers, but [${min}, ${max}] holds only ${max - min + 1}`,
    );
    valid = false;
  }
  if (!valid) return undefined;
  return { kind, min, max, integer, ...(points === undefined ? {} : { points }) };
}

function resolveSpec(
  shell: z.output<typeof shellSchema>,
  issues: string[],
): { spec: ModelSpec; preset?: string } | undefined {
  if (shell.preset !== undefined && shell.spec !== undefined) {
    issues.push('space has both "preset" and "spec": give one model to start from');
    return undefined;
  }
  if (shell.preset !== undefined) return { spec: getPreset(shell.preset), preset: shell.preset };
  if (shell.spec === undefined) {
    issues.push('space needs "preset" (e.g. "mlp-sgd") or "spec" (a model spec): neither is given');
    return undefined;
  }
  const result = validateSpec(shell.spec);
  if (!result.ok) {
    for (const error of result.errors) {
      issues.push(error.startsWith('spec') ? error : `spec.${error}`);
    }
    return undefined;
  }
  return { spec: result.spec };
}

function checkFit(space: SearchSpace, issues: string[]): void {
  const { parameters, spec } = space;
  const optimizers = parameters.optimizer?.kind === 'list' ? parameters.optimizer.values : [];
  const names = new Set([spec.optimizer.name, ...optimizers]);
  if (parameters.dropoutRate && !spec.layers.some((layer) => layer.type === 'dropout')) {
    const model = spec.name === undefined ? 'the model' : `the model ${spec.name}`;
    issues.push(
      `parameters.dropoutRate: ${model} has no dropout layer to set; start from a spec with one (e.g. preset "mlp-dropout-rmsprop")`,
    );
  }
  if (parameters.momentum && !names.has('sgd') && !names.has('rmsprop')) {
    issues.push(
      `parameters.momentum: no optimizer of this space has momentum (${[...names].join(', ')}); vary "optimizer" to include sgd or rmsprop, or drop momentum`,
    );
  }
  if (parameters.nesterov && !names.has('sgd')) {
    issues.push(
      `parameters.nesterov: only sgd has Nesterov momentum, and this space uses ${[...names].join(', ')}`,
    );
  }
}

/**
 * Checks a search space read from JSON (or written in code) and returns it with defaults filled
 * in and every parameter resolved to a {@link ParameterDomain}.
 *
 * @param json - typically `JSON.parse` of a search-space file
 * @throws {SweepError} `INVALID_SPACE` listing every fault with its JSON path, e.g.
 * `parameters.learningRate.logRange[0] must be above 0, got 0: a log-range cannot touch 0 …`
 */
export function validateSearchSpace(json: unknown): SearchSpace {
  const issues: string[] = [];
  const shell = shellSchema.safeParse(json);
  if (!shell.success) {
    for (const issue of shell.error.issues) issues.push(formatIssue(issue, []));
    throw invalid(issues);
  }
  const parameters: SearchSpace['parameters'] = {};
  const given = Object.keys(shell.data.parameters);
  for (const key of given) {
    if (!(PARAMETER_NAMES as string[]).includes(key)) {
      const close = suggestClosest(key, PARAMETER_NAMES);
      issues.push(
        `parameters has unknown parameter ${JSON.stringify(key)}${close ? ` (did you mean ${JSON.stringify(close)}?)` : ''}: a space varies ${PARAMETER_NAMES.join(', ')}`,
      );
    }
  }
  for (const name of PARAMETER_NAMES) {
    if (!Object.hasOwn(shell.data.parameters, name)) continue;
    const domain = parseParameter(name, shell.data.parameters[name], issues);
    if (domain) (parameters as Record<string, ParameterDomain>)[name] = domain;
  }
  if (given.length === 0) {
    issues.push(
      'parameters is empty: vary at least one of learningRate, momentum, nesterov, optimizer, batchSize, dropoutRate, layerWidths, epochs',
    );
  }
  const base = resolveSpec(shell.data, issues);
  if (issues.length > 0 || !base) throw invalid(issues);
  const space: SearchSpace = {
    name: shell.data.name,
    ...(shell.data.description === undefined ? {} : { description: shell.data.description }),
    ...(base.preset === undefined ? {} : { preset: base.preset }),
    spec: base.spec,
    training: { ...DEFAULT_TRAINING, ...shell.data.training },
    parameters,
  };
  checkFit(space, issues);
  if (issues.length > 0) throw invalid(issues);
  return space;
}

function invalid(issues: readonly string[]): SweepError {
  const list = issues.map((issue) => `  - ${issue}`).join('\n');
  return new SweepError(
    'INVALID_SPACE',
    `the search space is not valid (${issues.length} ${issues.length === 1 ? 'fault' : 'faults'}); fix ${issues.length === 1 ? 'it' : 'them'} and try again:\n${list}`,
    { issues },
  );
}
