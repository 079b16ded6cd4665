/** A metric with 4 decimals, or an en dash when missing. */
export function formatMetric(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/** Seconds as `12.3 s`, `4 min 05 s` or `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A mean with its spread across seeds: `0.8812 ± 0.0031`, or the mean alone without one. */
export function formatMeanStd(mean: number | null | undefined, std?: number | null): string {
  const m = formatMetric(mean);
  return std === undefined || std === null || Number.isNaN(std) ? m : `${m} ± ${formatMetric(std)}`;
}

/** A p-value: 4 decimals, or `< 0.0001`. */
export function formatPValue(p: number): string {
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}
