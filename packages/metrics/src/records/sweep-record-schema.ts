import * as z from 'zod';
import { count, isoDateTime, metricValue, recordStatus } from './record-fields.js';

/** The SweepRecord schema version this package writes and reads. */
export const SWEEP_SCHEMA_VERSION = 1;

const relativePath = z
  .string()
  .min(1)
  .refine((path) => !/^([/\\]|[A-Za-z]:)/.test(path), {
    message: 'must be a path relative to the sweep directory, not an absolute one',
  });

/** The parameters of one configuration: learningRate, momentum, nesterov, … as the space names them. */
const paramsSchema = z.record(z.string(), z.unknown());

/** How the sweep was planned, every default filled in: `--resume` plans the same sweep from it. */
export const sweepPlanSchema = z.looseObject({
  strategy: z.enum(['grid', 'random', 'asha', 'halving']),
  trials: count,
  seeds: z.array(z.int()).min(1),
  epochs: z.int().min(1),
  minEpochs: z.int().min(1).optional(),
  reductionFactor: z.int().min(2).optional(),
  /** Seeds the planning (random draws, a grid's subset). */
  seed: z.int(),
  /** The one holdout every trial validates on. */
  holdoutSeed: z.int(),
});

/** Where the trials ran. */
export const sweepRunnerSchema = z.looseObject({
  kind: z.enum(['local', 'queue']),
  /** Trials at once. */
  jobs: z.int().min(1),
  /** The queue's URL, password hidden. */
  queue: z.string().optional(),
});

/** Which worker ran a job. */
export const sweepWorkerSchema = z.looseObject({
  host: z.string(),
  pid: z.int(),
  version: z.string(),
  backend: z.string().optional(),
});

/** One run of the sweep: a configuration with one seed, in its run directory. */
export const sweepRunSchema = z.looseObject({
  configurationId: z.string().min(1),
  seed: z.int(),
  /** The run directory, relative to the sweep directory (`runs/c03-s1-…`). */
  path: relativePath,
  status: z.enum(['pending', 'running', 'completed', 'interrupted', 'failed']),
  /** Epochs it has completed (an ASHA rung). */
  epochs: count,
  valAccuracy: metricValue.optional(),
  valLoss: metricValue.optional(),
  error: z.looseObject({ message: z.string(), code: z.string().optional() }).optional(),
  worker: sweepWorkerSchema.optional(),
});

/** A finished job of the sweep (configuration, seed, epoch budget) and its result. */
export const sweepJobSchema = z.looseObject({
  /** `c03-s1-e6`: configuration, seed, epochs. */
  id: z
    .string()
    .regex(/^c\d+-s-?\d+-e\d+$/, 'must be <configuration>-s<seed>-e<epochs>, e.g. c03-s1-e6'),
  result: z.discriminatedUnion('status', [
    z.looseObject({ status: z.literal('completed'), valAccuracy: metricValue }),
    /** Diverged: a result, never retried. */
    z.looseObject({ status: z.literal('failed'), reason: z.string() }),
  ]),
});

const spread = z.looseObject({ mean: metricValue, std: metricValue.optional() });

/** One row of the result table: a configuration over its seeds, ranked on the validation holdout. */
export const sweepRowSchema = z.looseObject({
  rank: z.int().min(1),
  configurationId: z.string().min(1),
  params: paramsSchema,
  seeds: z.array(z.int()),
  epochs: count,
  status: z.enum(['completed', 'failed', 'incomplete']),
  valAccuracy: spread.optional(),
  valLoss: spread.optional(),
  failure: z.string().optional(),
  /** McNemar's exact test against the best configuration, on the shared holdout. */
  mcnemar: z
    .looseObject({
      against: z.string().min(1),
      seed: z.int(),
      aRightBWrong: count,
      aWrongBRight: count,
      bothRight: count,
      bothWrong: count,
      pValue: z.number().min(0).max(1),
    })
    .optional(),
});

/** The chosen configuration, retrained under the protocol it is compared under and scored on the test set once. */
export const sweepRetrainSchema = z.looseObject({
  configurationId: z.string().min(1),
  path: relativePath,
  status: z.enum(['pending', 'running', 'completed', 'interrupted', 'failed']),
  epochs: z.int().min(1),
  testAccuracy: metricValue.optional(),
  testLoss: metricValue.optional(),
});

/**
 * The zod schema of `sweep.json` (schemaVersion 1). Every object keeps unknown fields.
 * Prefer {@link parseSweepRecord}.
 */
export const sweepRecordSchema = z.looseObject({
  schemaVersion: z.literal(SWEEP_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.optional(),
  status: recordStatus,
  /** The search space as given (a file's JSON, or a built-in's), so the sweep can be planned again. */
  space: z.looseObject({ name: z.string().min(1), parameters: z.record(z.string(), z.unknown()) }),
  plan: sweepPlanSchema,
  runner: sweepRunnerSchema,
  configurations: z.array(z.looseObject({ id: z.string().min(1), params: paramsSchema })),
  runs: z.array(sweepRunSchema),
  /** Every result, in the order it came: what `--resume` replays into the scheduler. */
  jobs: z.array(sweepJobSchema),
  table: z.array(sweepRowSchema),
  retrain: sweepRetrainSchema.optional(),
  /** Wall time over every session of the sweep (`--resume` adds to it). */
  wallSeconds: z.number().min(0),
});

/** A parsed `sweep.json`. */
export type SweepRecord = z.output<typeof sweepRecordSchema>;
/** What a writer may put in `sweep.json`. */
export type SweepRecordInput = z.input<typeof sweepRecordSchema>;
/** One run of a sweep. */
export type SweepRun = z.output<typeof sweepRunSchema>;
/** One row of a sweep's result table. */
export type SweepRow = z.output<typeof sweepRowSchema>;
/** A finished job of a sweep. */
export type SweepJobRecord = z.output<typeof sweepJobSchema>;
