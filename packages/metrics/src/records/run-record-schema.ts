import * as z from 'zod';
import {
  classificationReportSchema,
  count,
  isoDateTime,
  metricValue,
  recordStatus,
} from './record-fields.js';

/** The RunRecord schema version this package writes and reads. */
export const RUN_SCHEMA_VERSION = 1;

/** Base64 of 784 bytes (28×28 uint8 pixels) is 1048 characters. */
const PIXELS_BASE64_LENGTH = 1048;

/** One epoch of training, in our names whatever tfjs calls them. */
export const runHistoryEntrySchema = z.looseObject({
  /** Epoch number, 1 for the first epoch. */
  epoch: count,
  loss: metricValue,
  accuracy: metricValue,
  valLoss: metricValue.optional(),
  valAccuracy: metricValue.optional(),
  seconds: z.number().min(0),
  learningRate: z.number().min(0).optional(),
});

/** Loss and accuracy measured on one split. */
export const runSplitMetricsSchema = z.looseObject({ loss: metricValue, accuracy: metricValue });

/** A test image kept with its prediction, for the viewer. */
export const runSampleSchema = z.looseObject({
  index: count,
  label: count,
  predicted: count,
  probabilities: z.array(z.number()),
  pixels: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 (A-Z, a-z, 0-9, +, /, = padding)')
    .length(PIXELS_BASE64_LENGTH, 'must be base64 of 784 bytes (28×28 pixels): 1048 characters'),
  kind: z.enum(['mistake', 'cell']),
});

/** Where the run ran: the backend chosen and why, the ones passed over and why, versions. */
export const runEnvironmentSchema = z.looseObject({
  backend: z.looseObject({ name: z.string().min(1), reason: z.string() }),
  passedOver: z.array(z.looseObject({ name: z.string().min(1), reason: z.string() })),
  tfjs: z.string(),
  node: z.string(),
  cpu: z.string(),
});

/** The training configuration. */
export const runConfigSchema = z.looseObject({
  epochs: count,
  batchSize: z.int().min(1),
  validation: z.looseObject({
    mode: z.enum(['holdout', 'test', 'none']),
    size: z.number().min(0).optional(),
    leakage: z.boolean().optional(),
  }),
  seed: z.int(),
  callbacks: z.record(z.string(), z.unknown()).optional(),
});

/** Where the data came from and the split sizes. */
export const runDataSchema = z.looseObject({
  source: z.looseObject({ kind: z.string(), location: z.string() }),
  verified: z.boolean(),
  train: count,
  validation: count,
  test: count,
});

/** Final metrics per split, each present when measured. */
export const runMetricsSchema = z.looseObject({
  train: runSplitMetricsSchema.optional(),
  validation: runSplitMetricsSchema.optional(),
  test: runSplitMetricsSchema.optional(),
});

/**
 * Every test prediction, for comparing runs image by image (McNemar's test): the predicted class
 * of each test image as base64 bytes, and the sha256 of the test labels, so that two runs are
 * compared only on the same test set.
 */
export const runPredictionsSchema = z.looseObject({
  split: z.literal('test'),
  labelsSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in lowercase hex'),
  predicted: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 (A-Z, a-z, 0-9, +, /, = padding)'),
});

/**
 * Every prediction on the validation holdout, the same way (base64 classes, sha256 of the
 * labels): two runs on one holdout compare image by image without the test set (a sweep's McNemar).
 */
export const runValidationPredictionsSchema = runPredictionsSchema.extend({
  split: z.literal('validation'),
});

/** A callback action: early stop, learning rate reduced, resumed, ... */
export const runEventSchema = z.looseObject({
  epoch: count,
  type: z.string().min(1),
  message: z.string(),
});

/** Why a failed run failed. */
export const runErrorSchema = z.looseObject({
  message: z.string(),
  epoch: count.optional(),
  batch: count.optional(),
});

/**
 * The zod schema of `run.json` (schemaVersion 1). Every object keeps unknown fields. Prefer
 * {@link parseRunRecord}, which adds readable errors and the schema-version check.
 */
export const runRecordSchema = z
  .looseObject({
    schemaVersion: z.literal(RUN_SCHEMA_VERSION),
    id: z.string().min(1),
    name: z.string().min(1),
    preset: z.string().min(1).optional(),
    status: recordStatus,
    error: runErrorSchema.optional(),
    createdAt: isoDateTime,
    finishedAt: isoDateTime.optional(),
    spec: z.looseObject({}),
    config: runConfigSchema,
    environment: runEnvironmentSchema,
    data: runDataSchema.optional(),
    history: z.array(runHistoryEntrySchema),
    metrics: runMetricsSchema.optional(),
    classificationReport: classificationReportSchema.optional(),
    confusionMatrix: z.array(z.array(count)).optional(),
    classNames: z.array(z.string()).optional(),
    samples: z.array(runSampleSchema).optional(),
    predictions: runPredictionsSchema.optional(),
    validationPredictions: runValidationPredictionsSchema.optional(),
    events: z.array(runEventSchema).optional(),
  })
  .superRefine((record, context) => {
    if (record.status === 'failed' && record.error === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['error'],
        message: 'is missing: a failed run must say why ({ message, epoch?, batch? })',
      });
    }
    const cm = record.confusionMatrix;
    if (cm !== undefined) {
      cm.forEach((row, i) => {
        if (row.length !== cm.length) {
          context.addIssue({
            code: 'custom',
            path: ['confusionMatrix', i],
            message: `must have ${cm.length} counts (the matrix is square), got ${row.length}`,
          });
        }
      });
      if (record.classNames !== undefined && record.classNames.length !== cm.length) {
        context.addIssue({
          code: 'custom',
          path: ['classNames'],
          message: `must have ${cm.length} names (one per confusion matrix row), got ${record.classNames.length}`,
        });
      }
    }
  });

/** A parsed `run.json`. */
export type RunRecord = z.output<typeof runRecordSchema>;
/** What a writer may put in `run.json` (NaN metrics may be written as `null`). */
export type RunRecordInput = z.input<typeof runRecordSchema>;
/** One entry of {@link RunRecord.history}. */
export type RunHistoryEntry = z.output<typeof runHistoryEntrySchema>;
/** One entry of {@link RunRecord.samples}. */
export type RunSample = z.output<typeof runSampleSchema>;
/** {@link RunRecord.predictions}. */
export type RunPredictions = z.output<typeof runPredictionsSchema>;
/** {@link RunRecord.environment}. */
export type RunEnvironment = z.output<typeof runEnvironmentSchema>;
/** {@link RunRecord.config}. */
export type RunConfig = z.output<typeof runConfigSchema>;
/** {@link RunRecord.data}. */
export type RunData = z.output<typeof runDataSchema>;
/** {@link RunRecord.metrics}. */
export type RunMetrics = z.output<typeof runMetricsSchema>;
/** Loss and accuracy of one split. */
export type RunSplitMetrics = z.output<typeof runSplitMetricsSchema>;
/** One entry of {@link RunRecord.events}. */
export type RunEvent = z.output<typeof runEventSchema>;
/** {@link RunRecord.error}. */
export type RunError = z.output<typeof runErrorSchema>;
/** A run's status. */
export type RecordStatus = z.output<typeof recordStatus>;
