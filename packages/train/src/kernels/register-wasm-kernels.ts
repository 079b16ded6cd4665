import * as tf from '@tensorflow/tfjs';
import { makeBatchMatMulWasm } from './batch-mat-mul.js';
import { conv2DBackpropFilterWasm } from './conv2d-backprop-filter.js';

let registered = false;

/**
 * Add the kernels that tfjs-backend-wasm 4.22 lacks for training (Conv2DBackpropFilter) and
 * replace the one that is slow for it (BatchMatMul with transpose flags). Call after importing
 * @tensorflow/tfjs-backend-wasm; safe to call more than once.
 */
export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: conv2DBackpropFilterWasm as tf.KernelFunc,
    });
  }
  const stock = tf.getKernel('BatchMatMul', 'wasm');
  if (stock) {
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel({ ...stock, kernelFunc: makeBatchMatMulWasm(stock) });
  }
}
