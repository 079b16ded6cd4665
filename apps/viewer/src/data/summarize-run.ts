import type { RunRecord } from '@fmnist/metrics';

/** One line of the runs table, with the numbers a person compares. */
export interface RunRow {
  key: string;
  name: string;
  preset: string;
  optimizer: string;
  /** Completed epochs. */
  epochs: number;
  /** Epochs asked for. */
  epochsPlanned: number;
  trainLoss: number | null;
  trainAccuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
  testLoss: number | null;
  testAccuracy: number | null;
  /** Wall time of the completed epochs, in seconds. */
  seconds: number;
  backend: string;
  status: RunRecord['status'];
}

const finite = (value: number | undefined): number | null =>
  value === undefined || Number.isNaN(value) ? null : value;

/** The optimizer's name from the effective spec (which `@fmnist/metrics` keeps opaque). */
export function optimizerName(spec: unknown): string {
  const optimizer = (spec as { optimizer?: unknown } | null)?.optimizer;
  if (typeof optimizer === 'string') return optimizer;
  const name = (optimizer as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' ? name : '';
}

/**
 * Shape a run record into a table row. Final metrics come from `metrics` when the run finished,
 * else from the last history entry (a running run), so a run still being written has numbers too.
 */
export function summarizeRun(key: string, record: RunRecord): RunRow {
  const last = record.history.at(-1);
  return {
    key,
    name: record.name,
    preset: record.preset ?? '',
    optimizer: optimizerName(record.spec),
    epochs: record.history.length,
    epochsPlanned: record.config.epochs,
    trainLoss: finite(record.metrics?.train?.loss ?? last?.loss),
    trainAccuracy: finite(record.metrics?.train?.accuracy ?? last?.accuracy),
    valLoss: finite(record.metrics?.validation?.loss ?? last?.valLoss),
    valAccuracy: finite(record.metrics?.validation?.accuracy ?? last?.valAccuracy),
    testLoss: finite(record.metrics?.test?.loss),
    testAccuracy: finite(record.metrics?.test?.accuracy),
    seconds: record.history.reduce((sum, entry) => sum + entry.seconds, 0),
    backend: record.environment.backend.name,
    status: record.status,
  };
}
