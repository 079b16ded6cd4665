import type { OpenBlas } from '@fmnist/openblas';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  canShift,
  filterShifts,
  fromGrid,
  inputOnGrid,
  scratch,
  shiftedRows,
} from './shifted-products.js';

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
    if (!canShift(info)) return stock.kernelFunc(args);
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
  const { inChannels, outChannels } = info;
  const out = backend.makeOutput(
    [info.batchSize, info.outHeight, info.outWidth, outChannels],
    'float32',
  );
  // Views of the heap, taken after the last allocation (growing the heap detaches them).
  const { xp, grid } = inputOnGrid(backend.typedArrayFromHeap(x) as Float32Array, info);
  const w = backend.typedArrayFromHeap(filter) as Float32Array;
  const outp = scratch('output', grid.rows * outChannels, false); // the first product overwrites
  if (inChannels === 1) {
    const positions = info.filterHeight * info.filterWidth;
    blas.sgemm(
      true,
      false,
      grid.rows,
      outChannels,
      positions,
      shiftedRows(xp, grid, info),
      w,
      outp,
    );
  } else {
    const block = inChannels * outChannels;
    for (const { position, offset } of filterShifts(info, grid.wp)) {
      const xShifted = xp.subarray(offset * inChannels, (offset + grid.rows) * inChannels);
      const wAt = w.subarray(position * block, (position + 1) * block);
      const beta = position === 0 ? 0 : 1;
      blas.sgemm(false, false, grid.rows, outChannels, inChannels, xShifted, wAt, outp, beta);
    }
  }
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  fromGrid(outp, dst, { ...grid, h: info.outHeight, w: info.outWidth, c: outChannels });
  return out;
}
