/** A difference with its sign (`+0.0123`, `-0.0040`), 4 decimals, `NaN` spelled out. @internal */
export function formatSigned(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const text = value.toFixed(4);
  return value >= 0 && !text.startsWith('-') ? `+${text}` : text;
}
