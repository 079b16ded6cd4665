import { describe, expectTypeOf, it } from 'vitest';
import type { ClassificationReport } from '../compute/classification-report.js';
import type { ExperimentRecord } from './experiment-record-schema.js';
import type { RunHistoryEntry, RunRecord, RunSample } from './run-record-schema.js';

describe('record types', () => {
  it('takes a computed classification report as it is', () => {
    expectTypeOf<ClassificationReport>().toExtend<NonNullable<RunRecord['classificationReport']>>();
  });

  it('has the history entry the training package writes', () => {
    expectTypeOf<{
      epoch: number;
      loss: number;
      accuracy: number;
      valLoss?: number;
      valAccuracy?: number;
      seconds: number;
      learningRate?: number;
    }>().toExtend<RunHistoryEntry>();
    expectTypeOf<RunSample['kind']>().toEqualTypeOf<'mistake' | 'cell'>();
    expectTypeOf<RunRecord['status']>().toEqualTypeOf<
      'running' | 'completed' | 'interrupted' | 'failed'
    >();
    expectTypeOf<ExperimentRecord['schemaVersion']>().toEqualTypeOf<1>();
  });
});
