import { alignColumns } from './align-columns.js';
import type { RunsComparison } from './compare-runs.js';
import { escapeMarkdownCell } from './confusion-matrix-markdown.js';
import { formatNumber } from './format-number.js';
import { formatPValue } from './format-p-value.js';

function signed(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const text = value.toFixed(4);
  return value >= 0 && !text.startsWith('-') ? `+${text}` : text;
}

function verdict(comparison: RunsComparison, pair: RunsComparison['pairs'][number]): string {
  if (pair.better === 'none') return `no evidence either is better (p ≥ ${comparison.alpha})`;
  return `${pair.better === 'a' ? pair.a : pair.b} is better (p < ${comparison.alpha})`;
}

/**
 * A {@link RunsComparison} as text for a terminal or as markdown: one table of the runs (status,
 * epochs, seconds, train and test loss and accuracy), then one of the pairs on the same test set
 * (images A gets right and B wrong and vice versa, the accuracy difference, McNemar's p-value and
 * what it means), then the notes.
 *
 * @param comparison - what `compareRuns` returned
 * @param format - `text` (aligned columns) or `md` (markdown tables)
 * @returns the tables, ending in a newline
 *
 * @example
 * ```ts
 * process.stdout.write(formatComparisonTable(compareRuns(runs, { testLabels }), 'text'));
 * ```
 */
export function formatComparisonTable(comparison: RunsComparison, format: 'text' | 'md'): string {
  const runHeader = [
    '#',
    'run',
    'status',
    'epochs',
    'seconds',
    'train loss',
    'train acc',
    'test loss',
    'test acc',
  ];
  const runRows = comparison.runs.map((run) => [
    String(run.index),
    run.label,
    run.status,
    `${run.epochs}/${run.epochsPlanned}`,
    formatNumber(run.seconds, 1),
    formatNumber(run.trainLoss),
    formatNumber(run.trainAccuracy),
    formatNumber(run.testLoss),
    formatNumber(run.testAccuracy),
  ]);
  const pairHeader = [
    'A',
    'B',
    'A right, B wrong',
    'A wrong, B right',
    'Δ test acc',
    'p-value',
    'verdict',
  ];
  const pairRows = comparison.pairs.map((pair) => [
    String(pair.a),
    String(pair.b),
    String(pair.aRightBWrong),
    String(pair.aWrongBRight),
    signed(pair.testAccuracyDifference),
    formatPValue(pair.pValue),
    verdict(comparison, pair),
  ]);
  const ranked = comparison.sortedBy === undefined ? '' : `, ranked by ${comparison.sortedBy}`;
  const pairsTitle =
    comparison.pairsWith === 'best'
      ? `Run 1 (the best${ranked || ', as given first'}) against each other run on the same test set — McNemar's exact test on the images exactly one of the two gets right:`
      : "Pairs on the same test set — McNemar's exact test on the images exactly one of the two gets right:";
  const runsTitle = comparison.sortedBy === undefined ? [] : [`Runs${ranked}, best first:`];
  const out: string[] = [];
  if (format === 'md') {
    const table = (header: string[], rows: string[][], right: Set<number>) => [
      `| ${header.map(escapeMarkdownCell).join(' | ')} |`,
      `|${header.map((_, i) => (right.has(i) ? '---:' : '---')).join('|')}|`,
      ...rows.map((row) => `| ${row.map(escapeMarkdownCell).join(' | ')} |`),
    ];
    if (runsTitle.length > 0) out.push(...runsTitle, '');
    out.push(...table(runHeader, runRows, new Set([0, 3, 4, 5, 6, 7, 8])));
    if (pairRows.length > 0) {
      out.push('', pairsTitle, '', ...table(pairHeader, pairRows, new Set([0, 1, 2, 3, 4, 5])));
    }
    if (comparison.notes.length > 0) out.push('', ...comparison.notes.map((note) => `- ${note}`));
  } else {
    out.push(...runsTitle, alignColumns([runHeader, ...runRows], new Set([1, 2])));
    if (pairRows.length > 0) {
      out.push('', pairsTitle, alignColumns([pairHeader, ...pairRows], new Set([6])));
    }
    if (comparison.notes.length > 0)
      out.push('', ...comparison.notes.map((note) => `note: ${note}`));
  }
  return `${out.join('\n')}\n`;
}
