import type { RunsComparison } from '../compare/compare-runs.js';
import { formatNumber } from './format-number.js';
import { formatPValue } from './format-p-value.js';
import { formatSigned } from './format-signed.js';

/** The cells of a {@link RunsComparison}'s two tables, before they become text or markdown. @internal */
export interface RunsComparisonTables {
  runHeader: string[];
  runRows: string[][];
  pairHeader: string[];
  pairRows: string[][];
  pairsTitle: string;
  /** `Runs, ranked by …, best first:` when the runs were sorted, else nothing. */
  runsTitle: string[];
}

function verdict(comparison: RunsComparison, pair: RunsComparison['pairs'][number]): string {
  if (pair.better === 'none') return `no evidence either is better (p ≥ ${comparison.alpha})`;
  return `${pair.better === 'a' ? pair.a : pair.b} is better (p < ${comparison.alpha})`;
}

/**
 * One row per run (status, epochs, seconds, train and test loss and accuracy) and one per pair on
 * the same test set (images A gets right and B wrong and vice versa, the accuracy difference,
 * McNemar's p-value and what it means). @internal
 */
export function tabulateRunsComparison(comparison: RunsComparison): RunsComparisonTables {
  const ranked = comparison.sortedBy === undefined ? '' : `, ranked by ${comparison.sortedBy}`;
  return {
    runHeader: [
      '#',
      'run',
      'status',
      'epochs',
      'seconds',
      'train loss (last epoch)',
      'train acc (last epoch)',
      'test loss',
      'test acc',
    ],
    runRows: comparison.runs.map((run) => [
      String(run.index),
      run.label,
      run.status,
      `${run.epochs}/${run.epochsPlanned}`,
      formatNumber(run.seconds, 1),
      formatNumber(run.trainLoss),
      formatNumber(run.trainAccuracy),
      formatNumber(run.testLoss),
      formatNumber(run.testAccuracy),
    ]),
    pairHeader: [
      'A',
      'B',
      'A right, B wrong',
      'A wrong, B right',
      'Δ test acc',
      'p-value',
      'verdict',
    ],
    pairRows: comparison.pairs.map((pair) => [
      String(pair.a),
      String(pair.b),
      String(pair.aRightBWrong),
      String(pair.aWrongBRight),
      formatSigned(pair.testAccuracyDifference),
      formatPValue(pair.pValue),
      verdict(comparison, pair),
    ]),
    pairsTitle:
      comparison.pairsWith === 'best'
        ? `Run 1 (the best${ranked || ', as given first'}) against each other run on the same test set — McNemar's exact test on the images exactly one of the two gets right:`
        : "Pairs on the same test set — McNemar's exact test on the images exactly one of the two gets right:",
    runsTitle: comparison.sortedBy === undefined ? [] : [`Runs${ranked}, best first:`],
  };
}
