import type { OpenBlas } from '@fmnist/openblas';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type TensorInfo = tf.TensorInfo;

/**
 * A BatchMatMul for the wasm backend. With OpenBLAS (`blas`), float32 products run on its sgemm,
 * reading and writing the wasm heap in place: native code with AVX2/FMA, no packing cache to miss,
 * and every transpose flag handled without a copy. Without it, operands with a transpose flag are
 * transposed first and the stock kernel runs untransposed: the stock kernel hands only untransposed
 * batch-1 products to XNNPACK and runs any product with a transpose flag — every backward matmul
 * of a dense layer — on a scalar loop, several times slower than a transpose followed by XNNPACK.
 */
export function makeBatchMatMulWasm(stock: tf.KernelConfig, blas?: OpenBlas): tf.KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as tf.BatchMatMulAttrs;
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    if (blas && a.dtype === 'float32' && b.dtype === 'float32') {
      const result = sgemmBatched(blas, a, b, attrs, args.backend as BackendWasm);
      if (result) return result;
    }
    if (!attrs.transposeA && !attrs.transposeB) return stock.kernelFunc(args);
    return transposeThenStock(stock, args);
  };
}

const product = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);

/** The product on OpenBLAS, one sgemm per batch entry; undefined for batch shapes it leaves to tfjs. */
function sgemmBatched(
  blas: OpenBlas,
  a: TensorInfo,
  b: TensorInfo,
  attrs: tf.BatchMatMulAttrs,
  backend: BackendWasm,
): TensorInfo | undefined {
  const ra = a.shape.length;
  const rb = b.shape.length;
  const [aRows, aCols] = [a.shape[ra - 2] as number, a.shape[ra - 1] as number];
  const [bRows, bCols] = [b.shape[rb - 2] as number, b.shape[rb - 1] as number];
  const m = attrs.transposeA ? aCols : aRows;
  const k = attrs.transposeA ? aRows : aCols;
  const n = attrs.transposeB ? bRows : bCols;
  if ((attrs.transposeB ? bCols : bRows) !== k) return undefined; // tfjs' own error
  const batchA = product(a.shape.slice(0, -2));
  const batchB = product(b.shape.slice(0, -2));
  if (batchA !== batchB && batchA !== 1 && batchB !== 1) return undefined;
  const outer = tf.backend_util.assertAndGetBroadcastShape(
    a.shape.slice(0, -2),
    b.shape.slice(0, -2),
  );
  const out = backend.makeOutput([...outer, m, n], 'float32');
  // Views of the heap, taken after the last allocation (growing the heap detaches them).
  const av = backend.typedArrayFromHeap(a) as Float32Array;
  const bv = backend.typedArrayFromHeap(b) as Float32Array;
  const cv = backend.typedArrayFromHeap(out) as Float32Array;
  const batch = Math.max(batchA, batchB);
  if (batch === 1) {
    blas.sgemm(attrs.transposeA, attrs.transposeB, m, n, k, av, bv, cv);
    return out;
  }
  for (let i = 0; i < batch; i++) {
    const ai = batchA === 1 ? 0 : i * m * k;
    const bi = batchB === 1 ? 0 : i * k * n;
    blas.sgemm(
      attrs.transposeA,
      attrs.transposeB,
      m,
      n,
      k,
      av.subarray(ai, ai + m * k),
      bv.subarray(bi, bi + k * n),
      cv.subarray(i * m * n, (i + 1) * m * n),
    );
  }
  return out;
}

/** Transpose the flagged operands on the backend, then run the stock kernel untransposed. */
function transposeThenStock(
  stock: tf.KernelConfig,
  args: Parameters<tf.KernelFunc>[0],
): TensorInfo {
  const { inputs, backend } = args;
  const attrs = args.attrs as unknown as tf.BatchMatMulAttrs;
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
}
