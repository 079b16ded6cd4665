import * as tf from '@tensorflow/tfjs';

type TensorInfo = tf.TensorInfo;

/**
 * A BatchMatMul for the wasm backend that transposes its operands first, then runs the stock
 * kernel untransposed. The stock kernel hands untransposed batch-1 products to XNNPACK but runs
 * any product with a transpose flag — every backward matmul of a dense layer — on a scalar loop,
 * several times slower than a transpose followed by XNNPACK.
 */
export function makeBatchMatMulWasm(stock: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const { inputs, backend } = args;
    const attrs = args.attrs as unknown as tf.BatchMatMulAttrs;
    if (!attrs.transposeA && !attrs.transposeB) return stock.kernelFunc(args);
    const transpose = tf.getKernel('Transpose', 'wasm');
    if (!transpose) throw new Error('the wasm backend lacks Transpose');
    const temps: TensorInfo[] = [];
    const flip = (x: TensorInfo): TensorInfo => {
      const rank = x.shape.length;
      const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
      const out = transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as TensorInfo;
      temps.push(out);
      return out;
    };
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const result = stock.kernelFunc({
      inputs: { a: attrs.transposeA ? flip(a) : a, b: attrs.transposeB ? flip(b) : b },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false } as unknown as tf.NamedAttrMap,
    }) as TensorInfo;
    const disposer = backend as { disposeData(dataId: object): void };
    for (const t of temps) disposer.disposeData(t.dataId);
    return result;
  };
}
