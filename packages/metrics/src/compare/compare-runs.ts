import { type RunHeadline, readRunHeadline } from '../records/read-run-headline.js';
import type { RecordStatus, RunRecord } from '../records/run-record-schema.js';
import { compareRunPredictions, type TestLabels } from './compare-run-predictions.js';
import { type RunSortKey, sortRuns } from './sort-runs.js';

/** A run to compare: its record and how to name it (e.g. its directory). */
export interface CompareRunsInput {
  label: string;
  record: RunRecord;
}

/** One run of a {@link RunsComparison}. */
export interface ComparedRun extends RunHeadline {
  /** Its number in the comparison, from 1: pairs refer to runs by it. */
  index: number;
  label: string;
  name: string;
  preset?: string;
  seed: number;
  status: RecordStatus;
  /** Epochs done. */
  epochs: number;
  /** Epochs asked for. */
  epochsPlanned: number;
  /** sha256 of the test labels it was scored on, when it recorded its predictions. */
  labelsSha256?: string;
}

/** Two runs on the same test set, compared image by image. */
export interface ComparedPair {
  /** {@link ComparedRun.index} of A and of B. */
  a: number;
  b: number;
  /** Test images A gets right and B wrong. */
  aRightBWrong: number;
  /** Test images A gets wrong and B right. */
  aWrongBRight: number;
  /** A's test accuracy minus B's. */
  testAccuracyDifference: number;
  /** McNemar's exact two-sided p-value: how likely a split this uneven is if A and B are equally good. */
  pValue: number;
  /** At `alpha`: `'a'` or `'b'` when one is better beyond chance, else `'none'` (no evidence). */
  better: 'a' | 'b' | 'none';
}

/** The result of {@link compareRuns}. */
export interface RunsComparison {
  runs: ComparedRun[];
  pairs: ComparedPair[];
  /** The significance level `better` was judged at. */
  alpha: number;
  /** Why some runs take part in no pair (no predictions, another test set, no labels given). */
  notes: string[];
  /** What the runs were ranked by, when {@link CompareRunsOptions.sort} was given (run 1 is the best). */
  sortedBy?: RunSortKey;
  /** `best`: the pairs are run 1 against each other run, not every two runs. */
  pairsWith: 'all' | 'best';
}

/** Options of {@link compareRuns}. */
export interface CompareRunsOptions {
  /** The test sets' labels (one entry per distinct test set); without them, no pairs. */
  testLabels?: readonly TestLabels[];
  /** Significance level for `better`; default 0.05. */
  alpha?: number;
  /** Rank the runs best first by this before numbering them (see {@link sortRuns}); default: as given. */
  sort?: RunSortKey;
  /**
   * `best`: test run 1 (the best, with `sort`) against each other run — n − 1 pairs instead of
   * n(n − 1)/2, the question "is anything as good as the best?". Default `all`.
   */
  pairsWith?: 'all' | 'best';
}

/**
 * Compare runs: their headline numbers side by side, and for every pair scored on the same test
 * set (same `predictions.labelsSha256`), the images one gets right and the other wrong with
 * McNemar's exact p-value — so that "RMSprop beats dropout by 0.0003" is seen for what it is.
 *
 * @param given - the runs, in the order to show them unless `options.sort` ranks them
 * @param options - the test labels the runs were scored on, the significance level, the ranking
 *   and which pairs to test
 * @returns rows per run, pairs, and notes on runs left out of pairs
 *
 * @example
 * ```ts
 * const { pairs } = compareRuns([{ label: 'a', record: a }, { label: 'b', record: b }], {
 *   testLabels: [{ labels, sha256 }],
 * });
 * pairs[0].pValue; // 0.41: no evidence that either is better
 * ```
 */
export function compareRuns(
  given: readonly CompareRunsInput[],
  options: CompareRunsOptions = {},
): RunsComparison {
  const alpha = options.alpha ?? 0.05;
  const pairsWith = options.pairsWith ?? 'all';
  const runs = options.sort === undefined ? given : sortRuns(given, options.sort);
  const testSets = options.testLabels ?? [];
  const notes: string[] = [];
  const compared: ComparedRun[] = runs.map(({ label, record }, i) => ({
    index: i + 1,
    label,
    name: record.name,
    ...(record.preset === undefined ? {} : { preset: record.preset }),
    seed: record.config.seed,
    status: record.status,
    epochs: record.history.at(-1)?.epoch ?? 0,
    epochsPlanned: record.config.epochs,
    ...(record.predictions === undefined ? {} : { labelsSha256: record.predictions.labelsSha256 }),
    ...readRunHeadline(record),
  }));

  const eligible: number[] = [];
  runs.forEach(({ record }, i) => {
    const run = compared[i] as ComparedRun;
    if (record.predictions === undefined) {
      notes.push(
        `run ${run.index} (${run.label}) has no test predictions (${record.status === 'completed' ? 'written by an older fmnist' : `status ${record.status}`}): it takes part in no McNemar test.`,
      );
    } else if (!testSets.some((t) => t.sha256 === record.predictions?.labelsSha256)) {
      if (testSets.length > 0) {
        notes.push(
          `run ${run.index} (${run.label}) was tested on labels that no given test set has: it takes part in no McNemar test.`,
        );
      }
    } else {
      eligible.push(i);
    }
  });
  if (testSets.length === 0 && runs.length > 1) {
    notes.push("McNemar's test needs the test labels the runs were scored on; none were given.");
  }

  const pairs: ComparedPair[] = [];
  eligible.forEach((i, k) => {
    if (pairsWith === 'best' && i !== 0) return;
    for (const j of eligible.slice(k + 1)) {
      const a = runs[i] as CompareRunsInput;
      const b = runs[j] as CompareRunsInput;
      const test = testSets.find((t) => t.sha256 === a.record.predictions?.labelsSha256);
      if (
        test === undefined ||
        a.record.predictions?.labelsSha256 !== b.record.predictions?.labelsSha256
      ) {
        continue;
      }
      const result = compareRunPredictions(a.record, b.record, test);
      if (!result.comparable) {
        notes.push(`runs ${i + 1} and ${j + 1}: ${result.reason}.`);
        continue;
      }
      const runA = compared[i] as ComparedRun;
      const runB = compared[j] as ComparedRun;
      pairs.push({
        a: i + 1,
        b: j + 1,
        aRightBWrong: result.aRightBWrong,
        aWrongBRight: result.aWrongBRight,
        testAccuracyDifference: runA.testAccuracy - runB.testAccuracy,
        pValue: result.pValue,
        better:
          result.pValue >= alpha ? 'none' : result.aRightBWrong > result.aWrongBRight ? 'a' : 'b',
      });
    }
  });
  if (eligible.length > 1) {
    for (const i of eligible) {
      const sha = runs[i]?.record.predictions?.labelsSha256;
      const alone = eligible.every(
        (j) => j === i || runs[j]?.record.predictions?.labelsSha256 !== sha,
      );
      if (alone) {
        notes.push(
          `run ${i + 1} (${runs[i]?.label}) is the only one scored on its test set: it takes part in no McNemar test.`,
        );
      }
    }
  }
  if (pairsWith === 'best' && runs.length > 1 && testSets.length > 0 && eligible[0] !== 0) {
    notes.push(
      `run 1 (${compared[0]?.label}), the best${options.sort === undefined ? ' (the first given)' : ` by ${options.sort}`}, has no comparable test predictions: no pairs.`,
    );
  }
  return {
    runs: compared,
    pairs,
    alpha,
    notes,
    ...(options.sort === undefined ? {} : { sortedBy: options.sort }),
    pairsWith,
  };
}
