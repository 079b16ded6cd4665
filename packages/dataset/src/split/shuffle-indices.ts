import { DatasetError } from '../errors/dataset-error.js';
import { createRng } from './create-rng.js';
import { shuffle } from './shuffle.js';

/**
 * A deterministic permutation of `0 … count-1`: {@link shuffle} with {@link createRng} seeded from
 * `seed` with `stream` mixed in, identical on every platform. Pass an epoch number as `stream` to
 * get a fresh but reproducible order per epoch.
 *
 * @throws {DatasetError} `INVALID_OPTION` for a negative or fractional count.
 * @example
 * ```ts
 * shuffleIndices(5, 42); // e.g. Uint32Array [3, 0, 4, 1, 2], always the same for seed 42
 * ```
 */
export function shuffleIndices(count: number, seed: number, stream = 0): Uint32Array {
  if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) {
    throw new DatasetError(
      'INVALID_OPTION',
      `expected count to be a non-negative integer, found ${count}.`,
    );
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  return shuffle(order, createRng(mixSeed(seed, stream)));
}

// splitmix32-style finaliser so that nearby (seed, stream) pairs give unrelated generators.
function mixSeed(seed: number, stream: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(Math.trunc(stream) + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return (h ^ (h >>> 15)) >>> 0;
}
