import type { HyperparameterValue } from '../shared/run-summary.js';

/** An axis of the parallel-coordinates plot or the scatter's x. */
export type HparamAxis =
  | { name: string; kind: 'number'; min: number; max: number; log: boolean }
  | { name: string; kind: 'category'; categories: string[] };

/** The metrics the HParams view can plot; `test` marks those derived from the test set. */
export const HPARAM_METRICS = [
  { id: 'valAccuracy', title: 'validation accuracy', test: false, higherIsBetter: true },
  { id: 'valLoss', title: 'validation loss', test: false, higherIsBetter: false },
  { id: 'trainAccuracy', title: 'train accuracy (final eval)', test: false, higherIsBetter: true },
  { id: 'trainLoss', title: 'train loss (final eval)', test: false, higherIsBetter: false },
  { id: 'epochAccuracy', title: 'train accuracy (last epoch)', test: false, higherIsBetter: true },
  { id: 'testAccuracy', title: 'test accuracy', test: true, higherIsBetter: true },
  { id: 'testLoss', title: 'test loss', test: true, higherIsBetter: false },
] as const;

/** A metric the HParams view plots. */
export type HparamMetric = (typeof HPARAM_METRICS)[number];

/** Hyperparameters that make no sense as axes of a comparison. */
const LEFT_OUT = new Set(['epsilon']);

/**
 * The axes for these runs' hyperparameters: every one that differs between them (all of
 * them when none differs), numbers on a linear axis or a log one when they are all positive,
 * span more than a factor of 20 and bunch at the low end as log-spaced values do (a third of them
 * or more in the lowest tenth of the range: learning rates drawn log-uniform or on a log grid,
 * not momenta drawn uniform in [0, 0.99]), anything else as categories. A run
 * without a value sits at "–" (categories) or is left off the axis (numbers).
 */
export function hparamAxes(runs: readonly Record<string, HyperparameterValue>[]): HparamAxis[] {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))].filter((n) => !LEFT_OUT.has(n));
  const varying = names.filter((n) => new Set(runs.map((r) => String(r[n] ?? '–'))).size > 1);
  return (varying.length > 0 ? varying : names).map((name): HparamAxis => {
    const values = runs.map((r) => r[name]);
    const numbers = values.filter((v): v is number => typeof v === 'number');
    if (numbers.length > 0 && numbers.length === values.filter((v) => v !== undefined).length) {
      const min = Math.min(...numbers);
      const max = Math.max(...numbers);
      return { name, kind: 'number', min, max, log: isLogSpaced(numbers, min, max) };
    }
    const categories = [...new Set(values.map((v) => (v === undefined ? '–' : String(v))))].sort(
      new Intl.Collator(undefined, { numeric: true }).compare,
    );
    return { name, kind: 'category', categories };
  });
}

function isLogSpaced(numbers: readonly number[], min: number, max: number): boolean {
  if (!(min > 0 && max / min > 20)) return false;
  const lowestTenth = min + (max - min) / 10;
  return numbers.filter((n) => n <= lowestTenth).length * 3 >= numbers.length;
}

/** Where `value` sits on `axis`, from 0 (bottom) to 1 (top); `undefined` when it has none. */
export function axisPosition(
  axis: HparamAxis,
  value: HyperparameterValue | null | undefined,
): number | undefined {
  if (axis.kind === 'category') {
    const i = axis.categories.indexOf(value === undefined || value === null ? '–' : String(value));
    if (i === -1) return undefined;
    return axis.categories.length === 1 ? 0.5 : i / (axis.categories.length - 1);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (axis.max === axis.min) return 0.5;
  if (axis.log)
    return (Math.log(value) - Math.log(axis.min)) / (Math.log(axis.max) - Math.log(axis.min));
  return (value - axis.min) / (axis.max - axis.min);
}

/** A few labelled ticks of an axis: [position 0..1, label]. */
export function axisTicks(axis: HparamAxis): [number, string][] {
  if (axis.kind === 'category') {
    return axis.categories.map((c) => [axisPosition(axis, c) ?? 0, c] as [number, string]);
  }
  if (axis.max === axis.min) return [[0.5, formatTick(axis.min)]];
  const values = axis.log
    ? [axis.min, Math.sqrt(axis.min * axis.max), axis.max]
    : [axis.min, (axis.min + axis.max) / 2, axis.max];
  return values.map((v) => [axisPosition(axis, v) ?? 0, formatTick(v)] as [number, string]);
}

/** A number short enough for an axis label. */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 0.001 || magnitude >= 1e5) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}
