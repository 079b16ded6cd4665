import type { RunRecord } from '../records/run-record-schema.js';

/** What runs can be ranked by: {@link sortRuns}. */
export const RUN_SORT_KEYS = [
  'validation-accuracy',
  'validation-loss',
  'test-accuracy',
  'test-loss',
  'train-accuracy',
  'train-loss',
  'seconds',
  'name',
] as const;

/** One of {@link RUN_SORT_KEYS}. */
export type RunSortKey = (typeof RUN_SORT_KEYS)[number];

/** A run's number for `key`: the final metrics, else the last epoch's; NaN when it has none. */
export function readSortValue(record: RunRecord, key: Exclude<RunSortKey, 'name'>): number {
  const last = record.history.at(-1);
  switch (key) {
    case 'validation-accuracy':
      return record.metrics?.validation?.accuracy ?? last?.valAccuracy ?? Number.NaN;
    case 'validation-loss':
      return record.metrics?.validation?.loss ?? last?.valLoss ?? Number.NaN;
    case 'test-accuracy':
      return record.metrics?.test?.accuracy ?? Number.NaN;
    case 'test-loss':
      return record.metrics?.test?.loss ?? Number.NaN;
    case 'train-accuracy':
      return last?.accuracy ?? Number.NaN;
    case 'train-loss':
      return last?.loss ?? Number.NaN;
    case 'seconds':
      return record.history.reduce((sum, entry) => sum + entry.seconds, 0);
  }
}

const HIGHER_IS_BETTER: ReadonlySet<RunSortKey> = new Set([
  'validation-accuracy',
  'test-accuracy',
  'train-accuracy',
]);

/**
 * Runs ranked best first by `key`: highest accuracy, lowest loss, fewest seconds, or by name.
 * Runs without the number (unfinished, or no validation split) come last, in their given order;
 * ties keep their given order too. The one ranking that `fmnist compare --sort` and sweeps use.
 *
 * Choosing a model by its test accuracy and then judging it on the same test set flatters it:
 * rank by `validation-*` when the runs held out a validation split.
 *
 * @param runs - anything holding a run record
 * @param key - what to rank by
 * @returns a new array, best first
 *
 * @example
 * ```ts
 * const [best] = sortRuns(runs, 'validation-accuracy');
 * ```
 */
export function sortRuns<T extends { record: RunRecord }>(
  runs: readonly T[],
  key: RunSortKey,
): T[] {
  if (key === 'name') {
    return [...runs].sort((a, b) => a.record.name.localeCompare(b.record.name));
  }
  const sign = HIGHER_IS_BETTER.has(key) ? -1 : 1;
  return runs
    .map((run, index) => ({ run, index, value: readSortValue(run.record, key) }))
    .sort((a, b) => {
      const aMissing = Number.isNaN(a.value);
      const bMissing = Number.isNaN(b.value);
      if (aMissing || bMissing)
        return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
      return sign * (a.value - b.value) || a.index - b.index;
    })
    .map(({ run }) => run);
}
