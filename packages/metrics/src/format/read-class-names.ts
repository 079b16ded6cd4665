import { MetricsError } from '../errors/metrics-error.js';

/**
 * Checks optional class names against a matrix size; default `'0'`, `'1'`, ...
 * @internal
 */
export function readClassNames(names: unknown, size: number, argument = 'names'): string[] {
  if (names === undefined) return Array.from({ length: size }, (_, i) => String(i));
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `${argument}: expected an array of ${size} class names (strings), found ${Array.isArray(names) ? 'an array with a non-string' : typeof names}.`,
      { argument },
    );
  }
  if (names.length !== size) {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `${argument}: expected ${size} class names (one per row of the matrix), found ${names.length}. Pass one name per class, in label order.`,
      { argument },
    );
  }
  return names as string[];
}
