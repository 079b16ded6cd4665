import * as z from 'zod';
import { count, headlineNumbers, isoDateTime, metricValue, recordStatus } from './record-fields.js';

/** The ExperimentRecord schema version this package writes and reads. */
export const EXPERIMENT_SCHEMA_VERSION = 1;

const relativePath = z
  .string()
  .min(1)
  .refine((path) => !/^([/\\]|[A-Za-z]:)/.test(path), {
    message: 'must be a path relative to the experiment directory, not an absolute one',
  });

/** One run of the suite. */
export const experimentRunSchema = z.looseObject({
  preset: z.string().min(1),
  seed: z.int(),
  /** Path of the run directory, relative to the experiment directory. */
  path: relativePath,
  status: recordStatus,
});

const spread = z.looseObject({
  trainLoss: metricValue.optional(),
  trainAccuracy: metricValue.optional(),
  testLoss: metricValue.optional(),
  testAccuracy: metricValue.optional(),
  seconds: metricValue.optional(),
});

/** One row of the comparison table (a preset, averaged over its seeds). */
export const experimentRowSchema = z.looseObject({
  preset: z.string().min(1),
  seeds: z.array(z.int()),
  trainLoss: metricValue,
  trainAccuracy: metricValue,
  testLoss: metricValue,
  testAccuracy: metricValue,
  seconds: z.number().min(0),
  reference: headlineNumbers.optional(),
  std: spread.optional(),
});

/** Mean and standard deviation of a preset across seeds. */
export const experimentSummarySchema = z.looseObject({
  runs: count,
  mean: spread,
  std: spread,
});

/** McNemar's test between two presets' test predictions. */
export const experimentMcnemarSchema = z.looseObject({
  a: z.string().min(1),
  b: z.string().min(1),
  aRightBWrong: count,
  aWrongBRight: count,
  pValue: z.number().min(0).max(1),
});

/**
 * How an experiment trains its runs (`config` in `experiment.json`): what `--resume` goes on with.
 * Written by every experiment since the field was added; older records have none.
 */
export const experimentConfigSchema = z.looseObject({
  presets: z.array(z.string().min(1)),
  seeds: z.array(z.int()),
  epochs: z.int().min(1),
  batchSize: z.int().min(1),
  validation: z.enum(['holdout', 'test', 'none']),
  /** The holdout size, with `validation: 'holdout'`: below 1 a fraction, else a count. */
  validationSize: z.number().positive().optional(),
  /** The backend every run asks for (`auto`, or one of `@fmnist/train`'s `BACKEND_NAMES`). */
  backend: z.string().min(1),
  /** The data directory every run trains on (absolute). */
  dataDir: z.string(),
});

/**
 * The zod schema of `experiment.json` (schemaVersion 1). Every object keeps unknown fields.
 * Prefer {@link parseExperimentRecord}.
 */
export const experimentRecordSchema = z.looseObject({
  schemaVersion: z.literal(EXPERIMENT_SCHEMA_VERSION),
  id: z.string().min(1),
  suite: z.string().min(1),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.optional(),
  status: recordStatus,
  runs: z.array(experimentRunSchema),
  rows: z.array(experimentRowSchema),
  references: z.record(z.string(), headlineNumbers.extend({ model: z.string().optional() })),
  summary: z.record(z.string(), experimentSummarySchema).optional(),
  mcnemar: z.array(experimentMcnemarSchema).optional(),
  config: experimentConfigSchema.optional(),
});

/** A parsed `experiment.json`. */
export type ExperimentRecord = z.output<typeof experimentRecordSchema>;
/** What a writer may put in `experiment.json`. */
export type ExperimentRecordInput = z.input<typeof experimentRecordSchema>;
/** An experiment's {@link ExperimentRecord.config}. */
export type ExperimentConfig = z.output<typeof experimentConfigSchema>;
/** One entry of {@link ExperimentRecord.runs}. */
export type ExperimentRun = z.output<typeof experimentRunSchema>;
/** One entry of {@link ExperimentRecord.rows}. */
export type ExperimentRow = z.output<typeof experimentRowSchema>;
/** One entry of {@link ExperimentRecord.summary}. */
export type ExperimentSummary = z.output<typeof experimentSummarySchema>;
/** One entry of {@link ExperimentRecord.mcnemar}. */
export type ExperimentMcnemar = z.output<typeof experimentMcnemarSchema>;
