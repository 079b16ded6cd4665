import { TrainError } from './errors.js';
import { MAX_WASM_THREADS, type SelectBackendOptions } from './select-backend.js';

/** The variables {@link backendOptionsFromEnv} reads. */
export interface BackendEnv {
  /** 1 to 8: the threads of the wasm backend and of the native step (what `--jobs` shares out). */
  FMNIST_WASM_THREADS?: string;
  /** `stock`: tfjs-backend-wasm's own kernels (benchmarks). */
  FMNIST_WASM_KERNELS?: string;
  /** `off`: the wasm backend's products on XNNPACK, not OpenBLAS. */
  FMNIST_OPENBLAS?: string;
  /** `off`: never the native step. */
  FMNIST_NATIVE?: string;
}

/**
 * The {@link selectBackend} options an environment asks for — for entry points (the CLI, a job's
 * child process) to read once and pass on; the library itself never reads `process.env`. Unset
 * or empty variables give no option, so the result can be spread over the caller's defaults.
 *
 * @throws {TrainError} `INVALID_OPTION` for an `FMNIST_WASM_THREADS` that is not 1 to 8.
 */
export function backendOptionsFromEnv(env: BackendEnv): SelectBackendOptions {
  const options: SelectBackendOptions = {};
  const text = env.FMNIST_WASM_THREADS;
  if (text !== undefined && text !== '') {
    const threads = Number(text);
    if (!Number.isInteger(threads) || threads < 1 || threads > MAX_WASM_THREADS) {
      throw new TrainError(
        'INVALID_OPTION',
        `FMNIST_WASM_THREADS must be a whole number from 1 to ${MAX_WASM_THREADS}; got ${JSON.stringify(text)}. ` +
          'Unset it to let fmnist choose.',
      );
    }
    options.wasmThreads = threads;
    options.nativeThreads = threads;
  }
  if (env.FMNIST_WASM_KERNELS === 'stock') options.wasmKernels = 'stock';
  if (env.FMNIST_OPENBLAS === 'off') options.openblas = false;
  if (env.FMNIST_NATIVE === 'off') options.native = false;
  return options;
}
