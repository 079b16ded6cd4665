import * as z from 'zod';
import type { ClassificationReport } from '../compute/classification-report.js';

/**
 * Field schemas shared by the run and experiment records.
 * @internal
 */

/** A metric value; JSON `null` (what `JSON.stringify` writes for NaN) reads back as NaN. */
export const metricValue = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NaN);

/** An ISO 8601 date-time string, as `new Date().toISOString()` writes. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** A record's lifecycle. */
export const recordStatus = z.enum(['running', 'completed', 'interrupted', 'failed']);

/** A count or index: an integer >= 0. */
export const count = z.int().min(0);

/** The four headline numbers of a model: train/test loss and accuracy. */
export const headlineNumbers = z.looseObject({
  trainLoss: metricValue,
  trainAccuracy: metricValue,
  testLoss: metricValue,
  testAccuracy: metricValue,
});

const averageRow = z.looseObject({
  precision: metricValue,
  recall: metricValue,
  f1: metricValue,
  support: count,
});

const classificationReportShape = z.looseObject({
  classes: z.array(
    z.looseObject({
      label: count,
      name: z.string(),
      precision: metricValue,
      recall: metricValue,
      f1: metricValue,
      support: count,
    }),
  ),
  accuracy: metricValue,
  macroAvg: averageRow,
  weightedAvg: averageRow,
  microAvg: averageRow.optional(),
  support: count,
  zeroDivision: metricValue.optional(),
  warnings: z.array(z.string()).optional(),
});

/**
 * A classification report as `classificationReport` returns it (unknown fields kept). Typed as
 * {@link ClassificationReport} so that a computed report goes into a record as it is.
 */
export const classificationReportSchema: z.ZodType<
  ClassificationReport,
  z.input<typeof classificationReportShape>
> = classificationReportShape;
