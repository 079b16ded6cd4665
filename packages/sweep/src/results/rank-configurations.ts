import { type McNemarResult, mcnemar } from '@fmnist/metrics';
import type { TrialParams } from '../space/search-space.js';

/** Where one run of a sweep (a configuration with one seed) ended, as its run record says. */
export interface TrialRun {
  configurationId: string;
  params: TrialParams;
  seed: number;
  /** Epochs it completed. */
  epochs: number;
  status: 'completed' | 'failed' | 'interrupted' | 'running';
  /** Validation accuracy after its last epoch (on the sweep's shared holdout). */
  valAccuracy?: number;
  valLoss?: number;
  /** Per holdout example, in holdout order: whether it was classified right. */
  valCorrect?: ArrayLike<boolean | number>;
  /** Why it failed (e.g. the loss diverged). */
  failure?: string;
}

/** McNemar's exact test of a configuration against the best one, on the shared holdout. */
export interface ConfigurationTest extends McNemarResult {
  /** The configuration it is compared with (the best). */
  against: string;
  /** The seed whose two runs were compared (the lowest seed both have predictions for). */
  seed: number;
}

/** Mean and sample standard deviation over seeds (std undefined for one seed). */
export interface Spread {
  mean: number;
  std?: number;
}

/** One row of a sweep's result table: a configuration over its seeds. */
export interface ConfigurationRow {
  /** 1 for the best. */
  rank: number;
  configurationId: string;
  params: TrialParams;
  seeds: number[];
  /** Epochs its runs reached (the ASHA rung it stopped at). */
  epochs: number;
  /** `failed` when any of its runs failed (diverged); `incomplete` while some have not finished. */
  status: 'completed' | 'failed' | 'incomplete';
  valAccuracy?: Spread;
  valLoss?: Spread;
  failure?: string;
  /** Against the best, for the top rows after it (when the runs recorded validation predictions). */
  mcnemar?: ConfigurationTest;
}

/** Options of {@link rankConfigurations}. */
export interface RankConfigurationsOptions {
  /** How many rows after the best get McNemar's test against it; default 5. */
  tests?: number;
}

function spreadOf(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  if (values.length === 1) return { mean };
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (values.length - 1)) };
}

const STATUS_ORDER = { completed: 0, incomplete: 1, failed: 2 } as const;

/**
 * The result table of a sweep: one row per configuration, ranked by the epochs it reached (a
 * configuration ASHA stopped early ranks below those it promoted), then by mean validation
 * accuracy over its seeds; failed configurations (a run diverged) rank last. The test set is never
 * looked at. Each of the `tests` rows after the best gets McNemar's exact test against it, on the
 * holdout every trial shares, from the runs of the lowest seed both have predictions for.
 */
export function rankConfigurations(
  runs: readonly TrialRun[],
  options: RankConfigurationsOptions = {},
): ConfigurationRow[] {
  const byConfiguration = new Map<string, TrialRun[]>();
  for (const run of runs) {
    const list = byConfiguration.get(run.configurationId) ?? [];
    list.push(run);
    byConfiguration.set(run.configurationId, list);
  }
  const rows = [...byConfiguration.entries()].map(([configurationId, list]) => {
    const sorted = [...list].sort((a, b) => a.seed - b.seed);
    const failed = sorted.find((run) => run.status === 'failed');
    const finished = sorted.filter((run) => run.status === 'completed');
    const status: ConfigurationRow['status'] = failed
      ? 'failed'
      : finished.length === sorted.length
        ? 'completed'
        : 'incomplete';
    const accuracies = finished.flatMap((run) =>
      run.valAccuracy === undefined ? [] : [run.valAccuracy],
    );
    const losses = finished.flatMap((run) => (run.valLoss === undefined ? [] : [run.valLoss]));
    const valAccuracy = spreadOf(accuracies);
    const valLoss = spreadOf(losses);
    const row: ConfigurationRow = {
      rank: 0,
      configurationId,
      params: (sorted[0] as TrialRun).params,
      seeds: sorted.map((run) => run.seed),
      epochs: Math.min(...sorted.map((run) => run.epochs)),
      status,
      ...(valAccuracy ? { valAccuracy } : {}),
      ...(valLoss ? { valLoss } : {}),
      ...(failed?.failure ? { failure: failed.failure } : {}),
    };
    return row;
  });
  rows.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      b.epochs - a.epochs ||
      (b.valAccuracy?.mean ?? Number.NEGATIVE_INFINITY) -
        (a.valAccuracy?.mean ?? Number.NEGATIVE_INFINITY) ||
      (a.configurationId < b.configurationId ? -1 : 1),
  );
  rows.forEach((row, i) => {
    row.rank = i + 1;
  });
  const best = rows[0];
  if (!best || best.status === 'failed') return rows;
  const bestRuns = byConfiguration.get(best.configurationId) ?? [];
  for (const row of rows.slice(1, 1 + (options.tests ?? 5))) {
    if (row.status === 'failed') break;
    const test = testAgainst(bestRuns, byConfiguration.get(row.configurationId) ?? []);
    if (test) row.mcnemar = { ...test, against: best.configurationId };
  }
  return rows;
}

function testAgainst(
  bestRuns: readonly TrialRun[],
  runs: readonly TrialRun[],
): Omit<ConfigurationTest, 'against'> | undefined {
  const seeds = runs
    .filter((run) => run.valCorrect !== undefined && run.status === 'completed')
    .map((run) => run.seed)
    .sort((a, b) => a - b);
  for (const seed of seeds) {
    const a = runs.find((run) => run.seed === seed)?.valCorrect;
    const b = bestRuns.find((run) => run.seed === seed && run.status === 'completed')?.valCorrect;
    if (a && b && a.length === b.length) {
      // Row first, best second: aRightBWrong counts the examples this row gets and the best misses.
      return { ...mcnemar(a, b), seed };
    }
  }
  return undefined;
}
