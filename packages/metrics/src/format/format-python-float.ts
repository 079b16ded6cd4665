const view = new DataView(new ArrayBuffer(8));

/**
 * Formats `value` with `digits` decimals exactly as Python's `format(value, '.{digits}f')`: the
 * exact binary value rounded half to even (JavaScript's `toFixed` rounds exact ties up), `nan`,
 * `inf`, and `-0.00` for negative values that round to zero.
 * @internal
 */
export function formatPythonFixed(value: number, digits: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const negative = value < 0 || Object.is(value, -0);
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // value = mantissa * 2^exponent, exactly
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
  const scaled = mantissa * 10n ** BigInt(digits);
  let rounded: bigint;
  if (exponent >= 0) {
    rounded = scaled << BigInt(exponent);
  } else {
    const divisor = 1n << BigInt(-exponent);
    rounded = scaled / divisor;
    const twiceRemainder = (scaled % divisor) * 2n;
    if (twiceRemainder > divisor || (twiceRemainder === divisor && rounded % 2n === 1n)) {
      rounded += 1n;
    }
  }
  let text = rounded.toString();
  if (digits > 0) {
    text = text.padStart(digits + 1, '0');
    text = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  }
  return negative ? `-${text}` : text;
}

/** Python's `len()` of a string: code points, not UTF-16 units. @internal */
export function pythonLength(text: string): number {
  return [...text].length;
}

/** Python's `format(text, '>{width}')`. @internal */
export function padPythonStart(text: string, width: number): string {
  const length = pythonLength(text);
  return length >= width ? text : ' '.repeat(width - length) + text;
}
