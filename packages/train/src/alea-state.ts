/**
 * The starting state of seedrandom's alea generator for `seed` — the generator tfjs'
 * `randomUniform` (and so its dropout) draws from, seeded with `String(seed)` — as
 * `[s0, s1, s2, c]`. The native step continues it in C with the same double arithmetic, so a
 * dropout mask drawn there is the one tfjs would draw.
 */
export function aleaState(seed: number | string): Float64Array {
  let n = 0xefc8249d;
  const mash = (data: string): number => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  const text = String(seed);
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  s0 -= mash(text);
  if (s0 < 0) s0 += 1;
  s1 -= mash(text);
  if (s1 < 0) s1 += 1;
  s2 -= mash(text);
  if (s2 < 0) s2 += 1;
  return Float64Array.of(s0, s1, s2, 1);
}
