import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type TensorInfo = tf.TensorInfo;

/**
 * Conv2DBackpropFilter for the wasm backend, which tfjs-backend-wasm 4.22 lacks (so no conv net
 * can train on it). The filter gradient is `im2col(x)ᵀ · dy`: the transposed patch matrix is built
 * in JavaScript, and the product runs on the backend's own untransposed BatchMatMul (XNNPACK).
 */
export function conv2DBackpropFilterWasm(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat);
  if (dataFormat !== 'channelsLast') {
    throw new Error('Conv2DBackpropFilter on wasm supports NHWC (channels last) only');
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    dataFormat,
  );
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const padTop = info.padInfo.top;
  const padLeft = info.padInfo.left;

  const rows = batchSize * outHeight * outWidth; // one per output position
  const depth = filterHeight * filterWidth * inChannels; // one per filter weight of a channel
  // colsT[k][m]: the input value that filter weight k meets at output position m (0 in padding).
  const cols = backend.makeOutput([1, depth, rows], 'float32');
  const colsT = backend.typedArrayFromHeap(cols) as Float32Array;
  // A view into the wasm heap, taken after the last allocation (growing the heap detaches it).
  const xValues = backend.typedArrayFromHeap(x) as Float32Array;
  colsT.fill(0);
  // One pass over x per filter position; the inChannels rows written at once each advance along m.
  for (let fh = 0; fh < filterHeight; fh++) {
    for (let fw = 0; fw < filterWidth; fw++) {
      const k0 = (fh * filterWidth + fw) * inChannels;
      for (let b = 0; b < batchSize; b++) {
        for (let oh = 0; oh < outHeight; oh++) {
          const ih = oh * strideHeight - padTop + fh;
          if (ih < 0 || ih >= inHeight) continue;
          for (let ow = 0; ow < outWidth; ow++) {
            const iw = ow * strideWidth - padLeft + fw;
            if (iw < 0 || iw >= inWidth) continue;
            const m = (b * outHeight + oh) * outWidth + ow;
            const src = ((b * inHeight + ih) * inWidth + iw) * inChannels;
            for (let c = 0; c < inChannels; c++) {
              colsT[(k0 + c) * rows + m] = xValues[src + c] as number;
            }
          }
        }
      }
    }
  }

  const reshape = tf.getKernel('Reshape', 'wasm');
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  if (!reshape || !matMul) throw new Error('the wasm backend lacks Reshape or BatchMatMul');
  const dy3 = reshape.kernelFunc({
    inputs: { x: dy },
    backend,
    attrs: { shape: [1, rows, outChannels] },
  }) as TensorInfo;
  const product = matMul.kernelFunc({
    inputs: { a: cols, b: dy3 },
    backend,
    attrs: { transposeA: false, transposeB: false },
  }) as TensorInfo;
  const result = reshape.kernelFunc({
    inputs: { x: product },
    backend,
    attrs: { shape: attrs.filterShape },
  }) as TensorInfo;
  for (const t of [cols, dy3, product]) backend.disposeData(t.dataId);
  return result;
}
