/**
 * Sums float64 values in the order numpy's pairwise summation does (`np.add.reduce` on a
 * contiguous 1-D array), so averages round exactly as scikit-learn's do.
 * @internal
 */
export function numpySum(values: readonly number[], start = 0, n = values.length): number {
  if (n < 8) {
    let result = 0;
    for (let i = 0; i < n; i++) result += values[start + i] as number;
    return result;
  }
  if (n <= 128) {
    const r = values.slice(start, start + 8) as number[];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = (r[j] as number) + (values[start + i + j] as number);
    }
    const [r0, r1, r2, r3, r4, r5, r6, r7] = r as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    let result = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) result += values[start + i] as number;
    return result;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return numpySum(values, start, half) + numpySum(values, start + half, n - half);
}

/**
 * scikit-learn's `_nanaverage`: the (weighted) mean ignoring NaN values; NaN when every value is
 * NaN; the plain mean when every remaining weight is 0.
 * @internal
 */
export function nanAverage(values: readonly number[], weights?: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const kept = values.filter((value) => !Number.isNaN(value));
  if (kept.length === 0) return Number.NaN;
  if (weights === undefined) {
    // np.nanmean: NaNs become 0 in place, then sum / count of the others.
    return numpySum(values.map((value) => (Number.isNaN(value) ? 0 : value))) / kept.length;
  }
  const keptWeights = weights.filter((_, i) => !Number.isNaN(values[i] as number));
  const totalWeight = numpySum(keptWeights);
  if (totalWeight === 0) return numpySum(kept) / kept.length;
  return numpySum(kept.map((value, i) => value * (keptWeights[i] as number))) / totalWeight;
}
