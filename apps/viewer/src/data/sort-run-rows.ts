import type { RunRow } from './summarize-run.js';

/** A sortable column of the runs table. */
export type RunColumn = Exclude<keyof RunRow, 'key'>;

/** Sort direction. */
export type SortDirection = 'ascending' | 'descending';

/**
 * Sort rows by a column (a stable sort: equal rows keep their order). Missing numbers go last
 * in both directions; text compares with `localeCompare`, numbers numerically.
 */
export function sortRunRows(
  rows: readonly RunRow[],
  column: RunColumn,
  direction: SortDirection,
): RunRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y));
  });
}
