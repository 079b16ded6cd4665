import { describe, expect, it } from 'vitest';
import { backendOptionsFromEnv } from './backend-options-from-env.js';
import { TrainError } from './errors.js';

describe('backendOptionsFromEnv', () => {
  it('gives no option for an environment that sets nothing', () => {
    expect(backendOptionsFromEnv({})).toEqual({});
    expect(backendOptionsFromEnv({ FMNIST_WASM_THREADS: '' })).toEqual({});
  });

  it('reads the thread count (for wasm and the native step) and the switches', () => {
    expect(
      backendOptionsFromEnv({
        FMNIST_WASM_THREADS: '2',
        FMNIST_WASM_KERNELS: 'stock',
        FMNIST_OPENBLAS: 'off',
        FMNIST_NATIVE: 'off',
      }),
    ).toEqual({
      wasmThreads: 2,
      nativeThreads: 2,
      wasmKernels: 'stock',
      openblas: false,
      native: false,
    });
  });

  it('refuses a FMNIST_WASM_THREADS that is not 1 to 8, saying how to fix it', () => {
    for (const text of ['lots', '0', '9', '1.5']) {
      expect(() => backendOptionsFromEnv({ FMNIST_WASM_THREADS: text })).toThrow(
        /FMNIST_WASM_THREADS must be .* from 1 to 8.*Unset it/,
      );
    }
    try {
      backendOptionsFromEnv({ FMNIST_WASM_THREADS: 'lots' });
    } catch (error) {
      expect(TrainError.isInstance(error) && error.code).toBe('INVALID_OPTION');
    }
  });
});
