/** A matrix cell as text: integers as they are, fractions with `digits` decimals. @internal */
export function formatCell(value: number, digits: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}
