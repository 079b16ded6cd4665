import type { RunRecord } from '@fmnist/metrics';

/** A per-class figure of the classification report. */
export type ClassMetric = 'f1' | 'precision' | 'recall';

/** One class across runs: each run's figure, and each run's difference from the first run. */
export interface ClassComparisonRow {
  name: string;
  values: (number | null)[];
  /** `values[i] - values[0]`, `null` for the first run or a missing figure. */
  differences: (number | null)[];
}

/**
 * Per-class precision, recall or F1 of several runs side by side (the classes of the first
 * run's report, matched by name), with each run's difference from the first: the notebook's
 * "which classes are hard" question asked of several models at once.
 */
export function compareClasses(
  records: readonly Pick<RunRecord, 'classificationReport'>[],
  metric: ClassMetric,
): ClassComparisonRow[] {
  const first = records[0]?.classificationReport;
  if (!first) return [];
  return first.classes.map((c) => {
    const values = records.map((r) => {
      const match = r.classificationReport?.classes.find((x) => x.name === c.name);
      return match && Number.isFinite(match[metric]) ? match[metric] : null;
    });
    const base = values[0] ?? null;
    return {
      name: c.name,
      values,
      differences: values.map((v, i) => (i === 0 || v === null || base === null ? null : v - base)),
    };
  });
}
