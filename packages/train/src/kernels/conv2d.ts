import type { OpenBlas } from '@fmnist/openblas';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { fromGrid, gridRows, scratch, shift, shiftedRows, toGrid } from './shifted-products.js';

type TensorInfo = tf.TensorInfo;

/**
 * Conv2D for the wasm backend with OpenBLAS: a stride-1 float32 convolution (NHWC) as shifted
 * products (see shifted-products.ts) — one product per filter position, summed into a grid, whose
 * valid corner is the output. Our Conv2DBackpropInput is such a convolution too. Other
 * convolutions, and every one without OpenBLAS, go to the stock kernel (XNNPACK).
 */
export function makeConv2DWasm(stock: tf.KernelConfig, blas?: OpenBlas): tf.KernelFunc {
  return (args) => {
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DAttrs;
    const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat);
    if (!blas || dataFormat !== 'channelsLast' || x.dtype !== 'float32')
      return stock.kernelFunc(args);
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      attrs.strides,
      attrs.dilations,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      dataFormat,
    );
    const { padInfo } = info;
    const stride1 = info.strideHeight === 1 && info.strideWidth === 1;
    const dilation1 = info.dilationHeight === 1 && info.dilationWidth === 1;
    const padded = [padInfo.top, padInfo.left, padInfo.bottom, padInfo.right].every((p) => p >= 0);
    if (!stride1 || !dilation1 || !padded) return stock.kernelFunc(args);
    return shiftedConv2D(blas, args.backend as BackendWasm, x, filter, info);
  };
}

function shiftedConv2D(
  blas: OpenBlas,
  backend: BackendWasm,
  x: TensorInfo,
  filter: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): TensorInfo {
  const { batchSize: batch, inChannels, outChannels, filterHeight, filterWidth } = info;
  const hp = info.outHeight + filterHeight - 1;
  const wp = info.outWidth + filterWidth - 1;
  const xp = scratch(0, batch * hp * wp * inChannels);
  const outp = scratch(1, batch * hp * wp * outChannels, false); // the first product overwrites
  const out = backend.makeOutput([batch, info.outHeight, info.outWidth, outChannels], 'float32');
  // Views of the heap, taken after the last allocation (growing the heap detaches them).
  const w = backend.typedArrayFromHeap(filter) as Float32Array;
  const grid = { batch, hp, wp };
  toGrid(
    backend.typedArrayFromHeap(x) as Float32Array,
    xp,
    { ...grid, h: info.inHeight, w: info.inWidth, c: inChannels },
    info.padInfo.top,
    info.padInfo.left,
  );
  const rows = gridRows(batch, hp, wp, filterHeight, filterWidth);
  const outRows = outp.subarray(0, rows * outChannels);
  if (inChannels === 1) {
    const positions = filterHeight * filterWidth;
    const xRows = shiftedRows(xp, rows, filterHeight, filterWidth, wp);
    blas.sgemm(true, false, rows, outChannels, positions, xRows, w, outRows);
  } else {
    const block = inChannels * outChannels;
    for (let fh = 0; fh < filterHeight; fh++) {
      for (let fw = 0; fw < filterWidth; fw++) {
        const from = shift(fh, fw, wp) * inChannels;
        const at = (fh * filterWidth + fw) * block;
        const first = fh === 0 && fw === 0;
        const xShifted = xp.subarray(from, from + rows * inChannels);
        const wAt = w.subarray(at, at + block);
        blas.sgemm(
          false,
          false,
          rows,
          outChannels,
          inChannels,
          xShifted,
          wAt,
          outRows,
          first ? 0 : 1,
        );
      }
    }
  }
  fromGrid(outp, backend.typedArrayFromHeap(out) as Float32Array, {
    ...grid,
    h: info.outHeight,
    w: info.outWidth,
    c: outChannels,
  });
  return out;
}
