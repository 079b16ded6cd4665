import * as tf from '@tensorflow/tfjs';
import { conv2DBackpropFilterWasm } from './conv2d-backprop-filter.js';

/** Add the kernels that tfjs-backend-wasm 4.22 lacks for training. Safe to call more than once. */
export function registerWasmKernels(): void {
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: conv2DBackpropFilterWasm as tf.KernelFunc,
    });
  }
}
