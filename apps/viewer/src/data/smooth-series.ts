/**
 * TensorBoard's smoothing: an exponential moving average with weight `weight` (0 = none),
 * debiased so that the first points are not pulled towards zero. Gaps (`null`) stay gaps and
 * do not reset the average.
 */
export function smoothSeries(
  values: readonly (number | null)[],
  weight: number,
): (number | null)[] {
  if (weight <= 0) return [...values];
  let last = 0;
  let steps = 0;
  return values.map((value) => {
    if (value === null || !Number.isFinite(value)) return value;
    last = last * weight + (1 - weight) * value;
    steps += 1;
    return last / (1 - weight ** steps);
  });
}
