import type { RunsComparison } from '../compare/compare-runs.js';
import { alignColumns } from './align-columns.js';
import { tabulateRunsComparison } from './runs-comparison-tables.js';

/**
 * A {@link RunsComparison} as aligned text for a terminal: one table of the runs (status, epochs,
 * seconds, train and test loss and accuracy), then one of the pairs on the same test set (images
 * A gets right and B wrong and vice versa, the accuracy difference, McNemar's p-value and what it
 * means), then the notes.
 *
 * @param comparison - what `compareRuns` returned
 * @returns the tables, ending in a newline
 *
 * @example
 * ```ts
 * process.stdout.write(formatRunsComparisonText(compareRuns(runs, { testLabels })));
 * ```
 */
export function formatRunsComparisonText(comparison: RunsComparison): string {
  const { runHeader, runRows, pairHeader, pairRows, pairsTitle, runsTitle } =
    tabulateRunsComparison(comparison);
  const out = [...runsTitle, alignColumns([runHeader, ...runRows], new Set([1, 2]))];
  if (pairRows.length > 0) {
    out.push('', pairsTitle, alignColumns([pairHeader, ...pairRows], new Set([6])));
  }
  if (comparison.notes.length > 0) out.push('', ...comparison.notes.map((note) => `note: ${note}`));
  return `${out.join('\n')}\n`;
}
