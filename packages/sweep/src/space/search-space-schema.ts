import { PRESET_NAMES } from '@fmnist/models';
import { z } from 'zod';

const got = (issue: { input?: unknown }): string =>
  `got ${JSON.stringify(issue.input) ?? 'nothing'}`;

const positiveNumber = () => {
  const error = (issue: { input?: unknown }) => `must be a positive finite number, ${got(issue)}`;
  return z.number({ error }).positive({ error }).finite({ error });
};
const positiveInteger = () => {
  const error = (issue: { input?: unknown }) => `must be a positive integer, ${got(issue)}`;
  return z.number({ error }).int({ error }).positive({ error });
};
const unitFraction = () => {
  const error = (issue: { input?: unknown }) => `must be a number in [0, 1), ${got(issue)}`;
  return z.number({ error }).min(0, { error }).lt(1, { error });
};

/** How a parameter's values may be given. */
export type ParameterKind = 'list' | 'range' | 'logRange';

/** What each parameter takes: the schema of one value, and the kinds that make sense for it. */
interface ParameterDefinition {
  value: z.ZodType;
  kinds: readonly ParameterKind[];
  integer: boolean;
  describe: string;
}

/** The parameters a search space may vary, with what one value of each must be. */
export const PARAMETER_DEFINITIONS = {
  learningRate: {
    value: positiveNumber(),
    kinds: ['list', 'range', 'logRange'],
    integer: false,
    describe: "The optimizer's learning rate (a positive number).",
  },
  momentum: {
    value: unitFraction(),
    kinds: ['list', 'range', 'logRange'],
    integer: false,
    describe: 'Momentum of sgd or rmsprop, in [0, 1).',
  },
  nesterov: {
    value: z.boolean({ error: (issue) => `must be true or false, ${got(issue)}` }),
    kinds: ['list'],
    integer: false,
    describe: 'Nesterov momentum on or off (sgd only).',
  },
  optimizer: {
    value: z.enum(['adam', 'rmsprop', 'sgd'], {
      error: (issue) => `must be "adam", "rmsprop" or "sgd", ${got(issue)}`,
    }),
    kinds: ['list'],
    integer: false,
    describe: "Another optimizer, with Keras' defaults for what the space does not vary.",
  },
  batchSize: {
    value: positiveInteger(),
    kinds: ['list', 'range', 'logRange'],
    integer: true,
    describe: 'Examples per batch (a positive integer).',
  },
  dropoutRate: {
    value: unitFraction(),
    kinds: ['list', 'range'],
    integer: false,
    describe: 'The rate of every dropout layer of the spec, in [0, 1); the spec must have one.',
  },
  layerWidths: {
    value: z
      .array(positiveInteger(), { error: (issue) => `must be a list of widths, ${got(issue)}` })
      .min(1, { error: () => 'must list at least one width, got none' }),
    kinds: ['list'],
    integer: false,
    describe:
      'The units of the hidden dense layers, first to last (e.g. [256, 128]): they replace every dense layer of the spec but the output one.',
  },
  epochs: {
    value: positiveInteger(),
    kinds: ['list', 'range', 'logRange'],
    integer: true,
    describe: 'Epochs to train (a positive integer); not with ASHA, which sets them itself.',
  },
} as const satisfies Record<string, ParameterDefinition>;

/** The name of a parameter a search space may vary. */
export type ParameterName = keyof typeof PARAMETER_DEFINITIONS;

/** Every parameter name, in the order tables show them. */
export const PARAMETER_NAMES = Object.keys(PARAMETER_DEFINITIONS) as ParameterName[];

const pointsSchema = z
  .number({ error: (issue) => `must be an integer of at least 2, ${got(issue)}` })
  .int({ error: (issue) => `must be an integer of at least 2, ${got(issue)}` })
  .min(2, { error: (issue) => `must be an integer of at least 2, ${got(issue)}` })
  .optional()
  .describe('How many evenly spaced values (log-spaced for logRange) a grid takes from it.');

const boundsSchema = (value: z.ZodType) =>
  z.tuple([value, value], {
    error: (issue) => `must be [min, max], two numbers, ${got(issue)}`,
  });

/** The schemas of the three ways to give one parameter, for that parameter's values. */
export function createParameterSchemas(name: ParameterName) {
  const { value, describe } = PARAMETER_DEFINITIONS[name];
  return {
    list: z
      .array(value, { error: (issue) => `must be a list of values, ${got(issue)}` })
      .min(1, { error: () => 'must list at least one value, got none' })
      .describe(`${describe} A list of values to try.`),
    range: z
      .strictObject({ range: boundsSchema(value), points: pointsSchema })
      .describe(`${describe} Uniform in [min, max].`),
    logRange: z
      .strictObject({ logRange: boundsSchema(value), points: pointsSchema })
      .describe(`${describe} Log-uniform in [min, max]; min above 0.`),
  };
}

function createParameterSchema(name: ParameterName): z.ZodType {
  const schemas = createParameterSchemas(name);
  const kinds = PARAMETER_DEFINITIONS[name].kinds as readonly ParameterKind[];
  const options: z.ZodType[] = kinds.map((kind) => schemas[kind]);
  return options.length === 1
    ? (options[0] as z.ZodType)
    : z.union(options as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

const parametersShape = Object.fromEntries(
  PARAMETER_NAMES.map((name) => [name, createParameterSchema(name).optional()]),
) as Record<ParameterName, z.ZodOptional<z.ZodType>>;

/** The fixed part of a search space, shared by the validator and the JSON Schema. */
export const searchSpaceFields = {
  $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
  name: z
    .string({ error: (issue) => `must be a string, ${got(issue)}` })
    .regex(/^[a-z0-9][a-z0-9-]*$/, {
      error: (issue) =>
        `must be lower-case letters, digits and dashes (it names the sweep directory), ${got(issue)}`,
    })
    .describe('Short name; the sweep directory is <name>-<time>.'),
  description: z.string().optional().describe('What the space explores, for people.'),
  preset: z
    .enum(PRESET_NAMES, {
      error: (issue) => `must be one of ${PRESET_NAMES.join(', ')}, ${got(issue)}`,
    })
    .optional()
    .describe('The model to start from: a built-in preset (or give `spec`).'),
  spec: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('The model to start from: a model spec, as in a spec file (or give `preset`).'),
  training: z
    .strictObject({
      epochs: positiveInteger().optional().describe('Epochs of every trial (default 20).'),
      batchSize: positiveInteger().optional().describe('Batch size of every trial (default 32).'),
      holdout: z
        .number({ error: (issue) => `must be a fraction in (0, 1) or a count, ${got(issue)}` })
        .positive({ error: (issue) => `must be a fraction in (0, 1) or a count, ${got(issue)}` })
        .optional()
        .describe(
          'The validation holdout every trial shares: a fraction of the training set below 1, else a count (default 0.1).',
        ),
    })
    .optional()
    .describe('What every trial shares, where the parameters do not vary it.'),
} as const;

/** The zod schema of a search-space file (the JSON Schema file is made from it). */
export const searchSpaceSchema = z
  .strictObject({
    ...searchSpaceFields,
    parameters: z
      .strictObject(parametersShape)
      .describe('What to vary: each parameter a list of values, a range or a log-range.'),
  })
  .describe('A search space for fmnist sweeps (@fmnist/sweep).');
