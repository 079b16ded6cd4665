/**
 * A number for a markdown report: fixed decimals, `NaN` spelled out, `—` when absent.
 * @internal
 */
export function formatNumber(value: number | undefined | null, digits = 4): string {
  if (value === undefined || value === null) return '—';
  if (Number.isNaN(value)) return 'NaN';
  return value.toFixed(digits);
}

/** `mean ± std` when a spread is known. @internal */
export function formatMeanStd(
  mean: number | undefined,
  std: number | undefined,
  digits = 4,
): string {
  return std === undefined
    ? formatNumber(mean, digits)
    : `${formatNumber(mean, digits)} ± ${formatNumber(std, digits)}`;
}
