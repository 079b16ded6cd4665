/** Twelve colours that stay apart (Tableau 10 and two more), for the first twelve runs. */
const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#393b79',
  '#637939',
];

/**
 * The colour of the `index`-th charted run: twelve distinct ones, then hues spread by the
 * golden angle with alternating lightness, so that no two of the first few dozen runs share one.
 */
export function runColour(index: number): string {
  const fixed = PALETTE[index];
  if (fixed) return fixed;
  const n = index - PALETTE.length;
  const hue = Math.round((n * 137.508) % 360);
  return `hsl(${hue} 70% ${n % 2 === 0 ? 38 : 52}%)`;
}
