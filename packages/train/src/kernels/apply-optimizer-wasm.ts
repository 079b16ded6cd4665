import type { KerasOptimizer } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { identityWasm } from './identity.js';

/**
 * The optimizers whose update runs faster fused than in tensor form. Adam (fourteen kernels per
 * variable): 7.8 → 7.2 ms per model-1 step on a quiet machine. RMSprop (nine) and SGD (two to
 * five) stay on their tensor form: `bench/optimizer-update-wasm.ts` timed their fused pass no
 * faster (RMSprop) or 2–3× slower (SGD) than the kernels — a scalar JavaScript loop against
 * tfjs-wasm's SIMD kernels — though only under heavy load (load average 25–30 on 2 cores);
 * re-measure on a quiet machine before adding them.
 */
const FUSED_CLASSES: ReadonlySet<string> = new Set(['KerasAdam']);

/** Options of {@link applyOptimizerWasm}. */
export interface ApplyOptimizerWasmOptions {
  /** Fuse every optimizer of ours, not only those measured faster fused (for benchmarks and tests). */
  fuseAll?: boolean;
}

/** Our optimizers (from `createOptimizer`), by what they can do: tfjs makes every optimizer pass `instanceof` any optimizer class. */
function isKerasOptimizer(optimizer: tf.Optimizer): optimizer is KerasOptimizer {
  const candidate = optimizer as Partial<KerasOptimizer>;
  return (
    typeof candidate.createArrayUpdate === 'function' &&
    typeof candidate.getSlots === 'function' &&
    typeof candidate.completeStep === 'function'
  );
}

/**
 * The optimizer's update for every variable in one JavaScript pass over the wasm heap, in place of
 * the fourteen tfjs kernels per variable Adam's tensor form dispatches (each dispatch costing more
 * than its arithmetic at these sizes). Same rule — the optimizer's own `createArrayUpdate`, the
 * float64-per-element form of its tensor formula — and the same state (slots, iterations, Adam's β
 * powers), so checkpoints and `getWeights` work as on any other path. New weights go to new
 * buffers: the wasm matmul caches packed weights by buffer.
 *
 * Returns false (nothing done) off the wasm backend, without our kernels (`registerWasmKernels`
 * with `kernels: 'stock'`, which benchmarks tfjs' own path, update included), for an
 * optimizer that is not one of ours (tfjs' own), and for ours that run faster in tensor form
 * ({@link FUSED_CLASSES}: Adam only for now); the caller then uses `applyGradients`.
 */
export function applyOptimizerWasm(
  optimizer: tf.Optimizer,
  grads: tf.NamedTensorMap,
  options: ApplyOptimizerWasmOptions = {},
): boolean {
  if (
    tf.getBackend() !== 'wasm' ||
    tf.getKernel('Identity', 'wasm')?.kernelFunc !== identityWasm ||
    !isKerasOptimizer(optimizer) ||
    !(options.fuseAll === true || FUSED_CLASSES.has(optimizer.getClassName()))
  ) {
    return false;
  }
  const backend = tf.backend() as BackendWasm;
  const names = Object.keys(grads);
  const variables = names.map((name) => tf.engine().registeredVariables[name] as tf.Variable);
  // Allocate everything first (slots on first use, every output): growing the wasm heap detaches
  // views taken before.
  const slots = names.map((name, i) => optimizer.getSlots(i, name));
  const outputs = variables.map((v) => backend.makeOutput(v.shape, 'float32'));
  const heap = (t: tf.TensorInfo) => backend.typedArrayFromHeap(t) as Float32Array;
  const update = optimizer.createArrayUpdate();
  names.forEach((name, i) => {
    const gradient = grads[name];
    const w = heap(variables[i] as tf.Variable);
    const out = heap(outputs[i] as tf.TensorInfo);
    if (gradient == null) out.set(w);
    else update(w, heap(gradient), (slots[i] as tf.Variable[]).map(heap), out);
  });
  variables.forEach((variable, i) => {
    const next = tf.engine().makeTensorFromTensorInfo(outputs[i] as tf.TensorInfo);
    variable.assign(next);
    next.dispose();
  });
  optimizer.completeStep();
  return true;
}
