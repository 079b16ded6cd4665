import type { RunRecord } from '@fmnist/metrics';
import { referenceLines } from './reference-lines.js';
import { smoothSeries } from './smooth-series.js';

/** One line of a chart. */
export interface CurveSeries {
  label: string;
  kind: 'train' | 'validation' | 'reference';
  /** Index of the run among the charted runs (for its colour); -1 for reference lines. */
  run: number;
  /** One value per x, `null` where the run has no epoch. */
  values: (number | null)[];
}

/** The data of one chart: epochs on x, one series per run and split, plus reference lines. */
export interface CurveData {
  epochs: number[];
  series: CurveSeries[];
}

const value = (v: number | undefined): number | null =>
  v === undefined || Number.isNaN(v) ? null : v;

/**
 * Per-epoch loss or accuracy of several runs on shared axes: training and validation of each
 * run (validation only when the run validated; called "test, used as validation" when the run
 * validated on the test set), smoothed by `smooth` (0 = raw), and for accuracy the notebook's
 * test accuracy of each run's preset and the published baselines as flat lines.
 */
export function buildCurveData(
  runs: readonly { name: string; record: RunRecord }[],
  metric: 'loss' | 'accuracy',
  smooth = 0,
): CurveData {
  const last = Math.max(1, ...runs.flatMap(({ record }) => record.history.map((h) => h.epoch)));
  const epochs = Array.from({ length: last }, (_, i) => i + 1);
  const series: CurveSeries[] = [];
  runs.forEach(({ name, record }, run) => {
    const byEpoch = new Map(record.history.map((h) => [h.epoch, h]));
    const pick = (key: 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy') =>
      smoothSeries(
        epochs.map((epoch) => value(byEpoch.get(epoch)?.[key])),
        smooth,
      );
    series.push({ label: `${name} train ${metric}`, kind: 'train', run, values: pick(metric) });
    const validation = pick(metric === 'loss' ? 'valLoss' : 'valAccuracy');
    if (validation.some((v) => v !== null)) {
      const leaked =
        record.config.validation.leakage === true || record.config.validation.mode === 'test';
      series.push({
        label: `${name} ${leaked ? 'test (used as validation)' : 'validation'} ${metric}`,
        kind: 'validation',
        run,
        values: validation,
      });
    }
  });
  if (metric === 'accuracy') {
    for (const line of referenceLines(runs.map(({ record }) => record.preset))) {
      series.push({
        label: line.label,
        kind: 'reference',
        run: -1,
        values: epochs.map(() => line.value),
      });
    }
  }
  return { epochs, series };
}
