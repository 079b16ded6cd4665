import type { RunRecord } from '@fmnist/metrics';
import { readHyperparameters } from './read-hyperparameters.js';
import type { RunSummary, SplitFigures } from './run-summary.js';

const finite = (value: number | null | undefined): number | null =>
  value === undefined || value === null || !Number.isFinite(value) ? null : value;

const split = (
  figures: { loss: number; accuracy: number } | undefined,
): SplitFigures | undefined =>
  figures ? { loss: finite(figures.loss), accuracy: finite(figures.accuracy) } : undefined;

/** The index's summary of a validated run record (no history, no samples). */
export function summarizeRunRecord(record: RunRecord): RunSummary {
  const last = record.history.at(-1);
  const validation = record.config.validation;
  const final: RunSummary['final'] = {};
  for (const name of ['train', 'validation', 'test'] as const) {
    const figures = split(record.metrics?.[name]);
    if (figures) final[name] = figures;
  }
  const samples = record.samples ?? [];
  return {
    id: record.id,
    name: record.name,
    ...(record.preset === undefined ? {} : { preset: record.preset }),
    status: record.status,
    createdAt: record.createdAt,
    ...(record.finishedAt === undefined ? {} : { finishedAt: record.finishedAt }),
    ...(record.error ? { failure: record.error.message.slice(0, 200) } : {}),
    epochs: record.history.length,
    epochsPlanned: record.config.epochs,
    seconds: record.history.reduce((sum, entry) => sum + entry.seconds, 0),
    backend: record.environment.backend.name,
    validation: {
      mode: validation.mode,
      leakage: validation.leakage === true || validation.mode === 'test',
    },
    lastEpoch: {
      loss: finite(last?.loss),
      accuracy: finite(last?.accuracy),
      valLoss: finite(last?.valLoss),
      valAccuracy: finite(last?.valAccuracy),
    },
    final,
    hparams: readHyperparameters(record.spec, record.config),
    has: {
      confusion: record.confusionMatrix !== undefined,
      report: record.classificationReport !== undefined,
      mistakes: samples.filter((s) => s.kind === 'mistake').length,
      samples: samples.length,
    },
  };
}
