import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Identity for the wasm backend without a copy: the output shares the input's buffer and counts
 * a reference, as on tfjs' cpu backend. The stock kernel copies, and tfjs runs Identity on every
 * tensor it saves for the backward pass (`Engine.saveTensorsForBackwardMode` clones them) — in a
 * conv net that is each layer's activations, megabytes per step. Sharing is safe while no kernel
 * writes a tensor in place; the one writer we have, `applyOptimizerWasm`, writes only the
 * optimizer's slots (moments), which nothing clones: our optimizers' setWeights copies with a
 * kernel, not with clone.
 */
export function identityWasm(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
}): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  (args.backend as BackendWasm).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * Cast for the wasm backend: to the tensor's own dtype it is {@link identityWasm} (tfjs' relu
 * gradient casts a float32 step to float32 on every call); other casts go to the stock kernel.
 */
export function makeCastWasm(stock: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { dtype } = args.attrs as unknown as tf.CastAttrs;
    return x.dtype === dtype ? identityWasm(args) : stock.kernelFunc(args);
  };
}
