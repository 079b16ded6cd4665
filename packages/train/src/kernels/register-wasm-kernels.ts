import type { OpenBlas } from '@fmnist/openblas';
import * as tf from '@tensorflow/tfjs';
import { makeBatchMatMulWasm } from './batch-mat-mul.js';
import { makeConv2DWasm } from './conv2d.js';
import { makeConv2DBackpropFilterWasm } from './conv2d-backprop-filter.js';
import { makeConv2DBackpropInputWasm } from './conv2d-backprop-input.js';
import { identityWasm, makeCastWasm } from './identity.js';
import { maxPoolGradWasm } from './max-pool-grad.js';
import { makeSumWasm } from './sum.js';

let registered = false;

/**
 * Add the kernels that tfjs-backend-wasm 4.22 lacks for training (Conv2DBackpropFilter) and
 * replace the ones that are slow for it (BatchMatMul with transpose flags, Cast to the same dtype,
 * Conv2DBackpropInput, Identity, MaxPoolGrad, Sum over all axes but the last). Call after importing
 * @tensorflow/tfjs-backend-wasm; safe to call more than once (the first call's options count:
 * tfjs' kernel registry is process-wide). With `kernels: 'stock'` only the missing kernel is
 * added (for benchmarks against the stock ones).
 * With `blas` (OpenBLAS, from @fmnist/openblas' `loadOpenBlas`), float32 matrix products and
 * stride-1 convolutions (Conv2D, and through it Conv2DBackpropInput; Conv2DBackpropFilter) and
 * bias gradients (Sum) run on it.
 */
export function registerWasmKernels(
  blas?: OpenBlas,
  options: { kernels?: 'ours' | 'stock' } = {},
): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: makeConv2DBackpropFilterWasm(blas) as tf.KernelFunc,
    });
  }
  // A switch for benchmarks that measure what our replacements buy (and check they change no result).
  if (options.kernels === 'stock') return;
  replace('BatchMatMul', (stock) => makeBatchMatMulWasm(stock, blas));
  replace('Cast', makeCastWasm);
  replace('Conv2D', (stock) => makeConv2DWasm(stock, blas));
  replace('Conv2DBackpropInput', makeConv2DBackpropInputWasm);
  replace('Identity', () => identityWasm as tf.KernelFunc);
  replace('MaxPoolGrad', () => maxPoolGradWasm as tf.KernelFunc);
  replace('Sum', (stock) => makeSumWasm(stock, blas));
}

/** Swap the wasm backend's kernel for ours, keeping its setup (ours may call the stock one). */
function replace(name: string, make: (stock: tf.KernelConfig) => tf.KernelFunc): void {
  const stock = tf.getKernel(name, 'wasm');
  if (!stock) return;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ ...stock, kernelFunc: make(stock) });
}
