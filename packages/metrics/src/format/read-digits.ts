import { MetricsError } from '../errors/metrics-error.js';

/**
 * Reads a `digits` option: an integer from 0 to 50, 2 by default.
 * @internal
 */
export function readDigits(value: unknown): number {
  if (value === undefined) return 2;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 50) {
    return value;
  }
  throw new MetricsError(
    'INVALID_ARGUMENT',
    `digits: expected an integer from 0 to 50, found ${JSON.stringify(value)}.`,
    { argument: 'digits' },
  );
}
