import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { TrainError } from './errors.js';
import {
  backendThreadsFor,
  nativeThreadsFor,
  selectBackend,
  wasmThreadsFor,
} from './select-backend.js';

describe('selectBackend', () => {
  it('picks the native step first, with tfjs under it, when the addon loads', async () => {
    const choice = await selectBackend('auto');
    expect(choice.name).toBe('native');
    expect(choice.passedOver).toEqual([]);
    expect(choice.tfjs?.name).toBe('wasm');
    expect(choice.reason).toMatch(/fused native step.*one call per batch/);
  });

  it('passes over native (turned off) and tfjs-node (cannot load), saying why, then picks wasm', async () => {
    const choice = await selectBackend('auto', { native: false });
    expect(choice.name).toBe('wasm');
    expect(choice.passedOver.map((p) => p.name)).toEqual(['native', 'node']);
    expect(choice.passedOver[0]?.reason).toMatch(/turned off.*FMNIST_NATIVE=off/);
    expect(choice.passedOver[1]?.reason).toMatch(
      /tfjs-node: (installed but not loadable|not installed)/,
    );
  });

  it('runs the native step on the threads asked for', async () => {
    const choice = await selectBackend('native', { nativeThreads: 2 });
    expect(choice.threads).toBe(2);
    expect(choice.reason).toMatch(/on 2 threads of its own/);
    await expect(selectBackend('native', { nativeThreads: 0 })).rejects.toThrow(
      /nativeThreads must be a whole number from 1 to 64/,
    );
  });

  it('refuses a backend asked for by name that cannot load, saying how to get it', async () => {
    const attempt = selectBackend('node');
    await expect(attempt).rejects.toThrow(/allowBuilds/);
    await expect(attempt).rejects.toSatisfy(
      (e) => TrainError.isInstance(e) && e.code === 'BACKEND_UNAVAILABLE',
    );
  });

  it('gives wasm every core for conv nets and one thread for dense nets; the native step every core', () => {
    const cores = Math.min(availableParallelism(), 8);
    expect(wasmThreadsFor({ layers: [{ type: 'dense' }] })).toBe(1);
    expect(wasmThreadsFor({ layers: [{ type: 'conv2d' }, { type: 'dense' }] })).toBe(cores);
    expect(nativeThreadsFor({ layers: [{ type: 'dense' }] })).toBe(cores);
    expect(backendThreadsFor({ layers: [{ type: 'dense' }] })).toEqual({
      wasmThreads: 1,
      nativeThreads: cores,
    });
  });

  it('selects cpu by name and rejects unknown names', async () => {
    expect((await selectBackend('cpu')).name).toBe('cpu');
    await expect(selectBackend('gpu' as never)).rejects.toThrow(
      /one of auto, native, node, wasm, cpu/,
    );
  });
});
