import type { RunRow } from './summarize-run.js';

/**
 * Keep the rows whose name, preset, optimizer, backend or status contain every word of the
 * query (case-insensitive). An empty query keeps everything.
 */
export function filterRunRows(rows: readonly RunRow[], query: string): RunRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = [row.name, row.preset, row.optimizer, row.backend, row.status]
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
