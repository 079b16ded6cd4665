import type { RunsComparison } from '../compare/compare-runs.js';
import { escapeMarkdownCell } from './escape-markdown-cell.js';
import { tabulateRunsComparison } from './runs-comparison-tables.js';

function markdownTable(header: string[], rows: string[][], right: ReadonlySet<number>): string[] {
  return [
    `| ${header.map(escapeMarkdownCell).join(' | ')} |`,
    `|${header.map((_, i) => (right.has(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(escapeMarkdownCell).join(' | ')} |`),
  ];
}

/**
 * A {@link RunsComparison} as GitHub-flavoured markdown: the same two tables as
 * `formatRunsComparisonText` (runs, then pairs with McNemar's test), then the notes as a list.
 *
 * @param comparison - what `compareRuns` returned
 * @returns the markdown, ending in a newline
 *
 * @example
 * ```ts
 * await writeFile('comparison.md', formatRunsComparisonMarkdown(compareRuns(runs, { testLabels })));
 * ```
 */
export function formatRunsComparisonMarkdown(comparison: RunsComparison): string {
  const { runHeader, runRows, pairHeader, pairRows, pairsTitle, runsTitle } =
    tabulateRunsComparison(comparison);
  const out = runsTitle.length > 0 ? [...runsTitle, ''] : [];
  out.push(...markdownTable(runHeader, runRows, new Set([0, 3, 4, 5, 6, 7, 8])));
  if (pairRows.length > 0) {
    out.push(
      '',
      pairsTitle,
      '',
      ...markdownTable(pairHeader, pairRows, new Set([0, 1, 2, 3, 4, 5])),
    );
  }
  if (comparison.notes.length > 0) out.push('', ...comparison.notes.map((note) => `- ${note}`));
  return `${out.join('\n')}\n`;
}
