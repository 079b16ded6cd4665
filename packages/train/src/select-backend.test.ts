import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { TrainError } from './errors.js';
import { selectBackend, wasmThreadsFor } from './select-backend.js';

describe('selectBackend', () => {
  it('picks the native step first, with tfjs under it, when the addon loads', async () => {
    const choice = await selectBackend('auto');
    expect(choice.name).toBe('native');
    expect(choice.passedOver).toEqual([]);
    expect(choice.tfjs?.name).toBe('wasm');
    expect(choice.reason).toMatch(/fused native step.*one call per batch/);
  });

  it('passes over native (turned off) and tfjs-node (cannot load), saying why, then picks wasm', async () => {
    process.env.FMNIST_NATIVE = 'off';
    try {
      const choice = await selectBackend('auto');
      expect(choice.name).toBe('wasm');
      expect(choice.passedOver.map((p) => p.name)).toEqual(['native', 'node']);
      expect(choice.passedOver[0]?.reason).toMatch(/FMNIST_NATIVE=off/);
      expect(choice.passedOver[1]?.reason).toMatch(
        /tfjs-node: (installed but not loadable|not installed)/,
      );
    } finally {
      delete process.env.FMNIST_NATIVE;
    }
  });

  it('refuses a backend asked for by name that cannot load, saying how to get it', async () => {
    const attempt = selectBackend('node');
    await expect(attempt).rejects.toThrow(/allowBuilds/);
    await expect(attempt).rejects.toSatisfy(
      (e) => TrainError.isInstance(e) && e.code === 'BACKEND_UNAVAILABLE',
    );
  });

  it('refuses a FMNIST_WASM_THREADS that is not 1 to 8, saying how to fix it', async () => {
    process.env.FMNIST_WASM_THREADS = 'lots';
    try {
      await expect(selectBackend('cpu')).rejects.toThrow(
        /FMNIST_WASM_THREADS must be .* from 1 to 8.*Unset it/,
      );
    } finally {
      delete process.env.FMNIST_WASM_THREADS;
    }
  });

  it('gives every core to conv nets and one thread to dense nets', () => {
    expect(wasmThreadsFor({ layers: [{ type: 'dense' }] })).toBe(1);
    expect(wasmThreadsFor({ layers: [{ type: 'conv2d' }, { type: 'dense' }] })).toBe(
      Math.min(availableParallelism(), 8),
    );
  });

  it('selects cpu by name and rejects unknown names', async () => {
    expect((await selectBackend('cpu')).name).toBe('cpu');
    await expect(selectBackend('gpu' as never)).rejects.toThrow(
      /one of auto, native, node, wasm, cpu/,
    );
  });
});
