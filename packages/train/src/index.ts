export type { TrainErrorCode } from './errors.js';
export { TRAIN_ERROR_CODES, TrainError } from './errors.js';
export { registerWasmKernels } from './kernels/register-wasm-kernels.js';
export type { BackendChoice, BackendName } from './select-backend.js';
export { BACKEND_NAMES, selectBackend } from './select-backend.js';
