import { backendOptionsFromEnv, type SelectBackendOptions } from '@fmnist/train';

/**
 * The options to select a backend with: the command's own (`defaults`, e.g. the threads a spec
 * is worth, `backendThreadsFor`) with what the environment asks for over them
 * (`FMNIST_WASM_THREADS`, `FMNIST_WASM_KERNELS=stock`, `FMNIST_OPENBLAS=off`, `FMNIST_NATIVE=off`).
 * The one place the CLI reads those variables; the libraries take options only.
 */
export function backendOptions(
  defaults: SelectBackendOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): SelectBackendOptions {
  return { ...defaults, ...backendOptionsFromEnv(env) };
}
