import { DatasetError } from '../errors/dataset-error.js';

/**
 * A small seeded pseudo-random generator (mulberry32: one 32-bit word of state, the same sequence
 * on every platform). Not for cryptography.
 */
export interface Rng {
  /** A float in [0, 1) with 32 random bits. */
  next(): number;
  /** An integer in [0, 2^32). */
  nextUint32(): number;
  /** An integer in [0, maxExclusive); `maxExclusive` must be an integer in [1, 2^32]. */
  nextInt(maxExclusive: number): number;
  /** The current state, to save (e.g. in a checkpoint) and give to `restoreRng` later. */
  getState(): number[];
}

/**
 * A seeded {@link Rng}. The same seed always gives the same sequence; the seed is truncated to an
 * integer and taken modulo 2^32.
 *
 * @throws {DatasetError} `INVALID_OPTION` for a seed that is not a finite number.
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.next(); // always the same float in [0, 1) for seed 42
 * const saved = rng.getState();
 * ```
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected a finite number as the RNG seed, found ${String(seed)}: pass an integer such as 42.`,
    );
  }
  return makeMulberry32(Math.trunc(seed) >>> 0);
}

/**
 * An {@link Rng} that continues exactly where the one whose `getState()` gave `state` was.
 *
 * @throws {DatasetError} `INVALID_OPTION` when `state` is not one integer in [0, 2^32).
 * @example
 * ```ts
 * const rng = createRng(1);
 * const state = rng.getState();
 * rng.next() === restoreRng(state).next(); // true
 * ```
 */
export function restoreRng(state: readonly number[]): Rng {
  const word = Array.isArray(state) && state.length === 1 ? state[0] : undefined;
  if (word === undefined || !Number.isInteger(word) || word < 0 || word > 0xffffffff) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected an RNG state of one integer in [0, 2^32) (from rng.getState()), found ${JSON.stringify(state)}: pass the array getState() returned, unchanged.`,
    );
  }
  return makeMulberry32(word);
}

function makeMulberry32(initial: number): Rng {
  let a = initial >>> 0;
  const nextUint32 = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    next: () => nextUint32() / 4294967296,
    nextUint32,
    nextInt(maxExclusive: number): number {
      if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > 4294967296) {
        throw new DatasetError(
          'INVALID_OPTION',
          `expected nextInt's bound to be an integer in [1, 2^32], found ${maxExclusive}.`,
        );
      }
      // Scaling a 32-bit draw keeps sequences identical to earlier releases' shuffles.
      return Math.floor((nextUint32() / 4294967296) * maxExclusive);
    },
    getState: () => [a],
  };
}
