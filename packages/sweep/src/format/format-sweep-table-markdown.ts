import type { ConfigurationRow } from '../results/rank-configurations.js';
import { buildSweepTableCells } from './sweep-table-cells.js';

const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A sweep's result table as a Markdown table (numbers right-aligned). */
export function formatSweepTableMarkdown(rows: readonly ConfigurationRow[]): string {
  const { cells, numeric } = buildSweepTableCells(rows);
  const [header = [], ...body] = cells;
  const line = (row: readonly string[]) => `| ${row.map(escapeCell).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (numeric.has(i) ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
