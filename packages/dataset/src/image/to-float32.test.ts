import { describe, expect, it } from 'vitest';
import { toFloat32 } from './to-float32.js';

describe('toFloat32', () => {
  it('gives float32(x / 255) for every byte, as NumPy x / 255.0 cast to float32 does', () => {
    // Checked bit for bit against NumPy: (np.arange(256) / 255.0).astype(np.float32).
    const all = toFloat32(Uint8Array.from({ length: 256 }, (_, x) => x));
    all.forEach((v, x) => {
      expect(v).toBe(Math.fround(x / 255));
    });
    expect(all[0]).toBe(0);
    expect(all[255]).toBe(1);
    expect(all[1]).toBe(0.003921568859368563);
  });

  it('writes into a given array at an offset', () => {
    const out = new Float32Array(4);
    toFloat32(Uint8Array.of(255, 0), out, 2);
    expect(Array.from(out)).toEqual([0, 0, 1, 0]);
  });
});
