import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

interface AdamInternals {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  incrementIterations(): void;
}

/**
 * Adam's update for every variable in one JavaScript pass over the wasm heap, in place of tfjs'
 * fourteen kernels per variable (each a dispatch costing more than its arithmetic at these sizes).
 * Same formula, same state (moments, β powers, iterations), so checkpoints and `getWeights` work
 * as with tfjs' own. New weights go to new buffers: the wasm matmul caches packed weights by buffer.
 * Returns false (nothing done) off the wasm backend or for another optimizer.
 */
export function applyAdamWasm(optimizer: tf.Optimizer, grads: tf.NamedTensorMap): boolean {
  // Not instanceof: tfjs makes every optimizer pass `instanceof` any optimizer class.
  if (
    process.env.FMNIST_WASM_KERNELS === 'stock' ||
    tf.getBackend() !== 'wasm' ||
    optimizer.getClassName() !== 'Adam'
  ) {
    return false;
  }
  const adam = optimizer as unknown as AdamInternals;
  const backend = tf.backend() as BackendWasm;
  const names = Object.keys(grads);
  const variables = names.map((name) => tf.engine().registeredVariables[name] as tf.Variable);
  names.forEach((name, i) => {
    const value = variables[i] as tf.Variable;
    adam.accumulatedFirstMoment[i] ??= {
      originalName: `${name}/m`,
      variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
    };
    adam.accumulatedSecondMoment[i] ??= {
      originalName: `${name}/v`,
      variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
    };
  });
  // Allocate every output first: growing the wasm heap detaches views taken before.
  const outputs = variables.map((v) => backend.makeOutput(v.shape, 'float32'));
  const heap = (t: tf.TensorInfo) => backend.typedArrayFromHeap(t) as Float32Array;
  const accBeta1 = heap(adam.accBeta1);
  const accBeta2 = heap(adam.accBeta2);
  const { beta1, beta2, epsilon, learningRate } = adam;
  const correction1 = 1 - (accBeta1[0] as number);
  const correction2 = 1 - (accBeta2[0] as number);
  names.forEach((name, i) => {
    const w = heap(variables[i] as tf.Variable);
    const g = heap(grads[name] as tf.Tensor);
    const m = heap((adam.accumulatedFirstMoment[i] as { variable: tf.Variable }).variable);
    const v = heap((adam.accumulatedSecondMoment[i] as { variable: tf.Variable }).variable);
    const out = heap(outputs[i] as tf.TensorInfo);
    for (let k = 0; k < w.length; k++) {
      const gk = g[k] as number;
      const mk = (m[k] as number) * beta1 + gk * (1 - beta1);
      const vk = (v[k] as number) * beta2 + gk * gk * (1 - beta2);
      m[k] = mk;
      v[k] = vk;
      out[k] =
        (w[k] as number) -
        learningRate * (mk / correction1 / (Math.sqrt(vk / correction2) + epsilon));
    }
  });
  accBeta1[0] = (accBeta1[0] as number) * beta1;
  accBeta2[0] = (accBeta2[0] as number) * beta2;
  variables.forEach((variable, i) => {
    const next = tf.engine().makeTensorFromTensorInfo(outputs[i] as tf.TensorInfo);
    variable.assign(next);
    next.dispose();
  });
  adam.incrementIterations();
  return true;
}
