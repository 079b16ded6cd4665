import type { ConfigurationRow } from '../results/rank-configurations.js';
import { buildSweepTableCells } from './sweep-table-cells.js';

/** A sweep's result table as plain text for a terminal: columns aligned, numbers to the right. */
export function formatSweepTableText(rows: readonly ConfigurationRow[]): string {
  const { cells, numeric } = buildSweepTableCells(rows);
  const columns = cells[0]?.length ?? 0;
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(...cells.map((row) => [...(row[i] ?? '')].length)),
  );
  return cells
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
          return numeric.has(i) ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
