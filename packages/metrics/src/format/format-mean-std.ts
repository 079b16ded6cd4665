import { formatNumber } from './format-number.js';

/** `mean ± std` when a spread is known, else the mean alone. @internal */
export function formatMeanStd(
  mean: number | undefined,
  std: number | undefined,
  digits = 4,
): string {
  return std === undefined
    ? formatNumber(mean, digits)
    : `${formatNumber(mean, digits)} ± ${formatNumber(std, digits)}`;
}
