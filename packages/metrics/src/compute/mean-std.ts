/**
 * Mean and sample standard deviation (n − 1 in the denominator, undefined for one value).
 * @internal
 */
export function meanStd(values: readonly number[]): { mean: number; std: number | undefined } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, std: undefined };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  if (n === 1) return { mean, std: undefined };
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (n - 1)) };
}
