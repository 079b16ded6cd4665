import { normalizeConfusion } from '@fmnist/metrics';

/** One cell of the confusion-matrix heatmap. */
export interface HeatmapCell {
  /** True class. */
  row: number;
  /** Predicted class. */
  col: number;
  count: number;
  /** The count over its row's total (recall on the diagonal), 0 for an empty row. */
  share: number;
}

/** The heatmap's cells, row by row, shaded by row-normalised counts. */
export function heatmapCells(matrix: readonly (readonly number[])[]): HeatmapCell[][] {
  const normalized = normalizeConfusion(
    matrix.map((r) => [...r]),
    'true',
  );
  return matrix.map((r, row) =>
    r.map((count, col) => ({ row, col, count, share: normalized[row]?.[col] ?? 0 })),
  );
}
