/** A p-value as people read it: 4 decimals, or scientific notation below 0.0001. @internal */
export function formatPValue(p: number): string {
  return p < 1e-4 ? p.toExponential(2) : p.toFixed(4);
}
