import type { Rng } from './create-rng.js';

/** Anything indexable and writable by position: arrays and typed arrays. */
export interface MutableArrayLike {
  /** Number of elements. */
  readonly length: number;
  [index: number]: unknown;
}

/**
 * Shuffles `array` in place (Fisher–Yates, from the end, drawing with `rng.nextInt`) and returns it.
 *
 * @example
 * ```ts
 * shuffle([1, 2, 3, 4], createRng(7)); // the same order every time for seed 7
 * ```
 */
export function shuffle<A extends MutableArrayLike>(array: A, rng: Rng): A {
  const items: MutableArrayLike = array;
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = rng.nextInt(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return array;
}
