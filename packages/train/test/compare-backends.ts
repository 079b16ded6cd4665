import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

/** Seeded values in [-amplitude, amplitude] (an LCG: enough for kernel tests). */
export function seeded(n: number, seed: number, amplitude: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 2 * amplitude;
  }
  return out;
}

/**
 * Run `compute` on wasm and on cpu and expect the same numbers to `tolerance` × the largest
 * magnitude, and no tensor left behind on wasm.
 */
export async function expectSameOnWasmAndCpu(
  compute: () => Float32Array[],
  tolerance: number,
): Promise<void> {
  await tf.setBackend('wasm');
  const before = tf.memory().numTensors;
  const wasm = compute();
  expect(tf.memory().numTensors).toBe(before);
  await tf.setBackend('cpu');
  const cpu = compute();
  expect(wasm.length).toBe(cpu.length);
  for (const [i, expected] of cpu.entries()) {
    const actual = wasm[i] as Float32Array;
    expect(actual.length).toBe(expected.length);
    let scale = 1;
    let worst = 0;
    for (let k = 0; k < expected.length; k++) {
      scale = Math.max(scale, Math.abs(expected[k] as number));
      worst = Math.max(worst, Math.abs((actual[k] as number) - (expected[k] as number)));
    }
    expect(worst, `output ${i}`).toBeLessThanOrEqual(tolerance * scale);
  }
}
