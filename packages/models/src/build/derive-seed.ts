/**
 * Derives a seed from a base seed and any labels (FNV-1a over their text, then a final mix),
 * as a small non-negative integer below 2^31. The same inputs always give the same seed;
 * different labels give unrelated seeds.
 *
 * `buildModel` seeds layer `i`'s kernel with `deriveSeed(seed, 'layer', i, 'kernel')`; the
 * training loop can derive its shuffle and dropout seeds the same way.
 *
 * @param seed - the base seed (any finite number; usually an integer)
 * @param parts - labels that tell the derived seeds apart
 */
export function deriveSeed(seed: number, ...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  const text = [seed, ...parts].map(String).join('\u0000');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so that nearby inputs do not give nearby seeds.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % 0x7fffffff;
}
