/**
 * A number for a report: fixed decimals, `NaN` spelled out, `—` when absent.
 * @internal
 */
export function formatNumber(value: number | undefined | null, digits = 4): string {
  if (value === undefined || value === null) return '—';
  if (Number.isNaN(value)) return 'NaN';
  return value.toFixed(digits);
}
