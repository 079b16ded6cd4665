import type { OpenBlas } from '@fmnist/openblas';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  canShift,
  filterShifts,
  inputOnGrid,
  scratch,
  shiftedRows,
  toGrid,
} from './shifted-products.js';

type TensorInfo = tf.TensorInfo;
type Args = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

/**
 * Conv2DBackpropFilter for the wasm backend, which tfjs-backend-wasm 4.22 lacks (so no conv net
 * can train on it). With OpenBLAS and stride 1, one product per filter position on zero-padded
 * copies of x and dy ({@link shiftedProducts}); otherwise the filter gradient is `im2col(x)ᵀ · dy`:
 * the transposed patch matrix is built in JavaScript, and the product runs on the backend's
 * BatchMatMul.
 */
export function makeConv2DBackpropFilterWasm(blas?: OpenBlas): (args: Args) => TensorInfo {
  return (args) => conv2DBackpropFilterWasm(args, blas);
}

function conv2DBackpropFilterWasm(args: Args, blas?: OpenBlas): TensorInfo {
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
  if (blas && canShift(info)) return shiftedProducts(blas, backend, x, dy, info);

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

/**
 * The filter gradient of a stride-1 convolution as shifted products (see shifted-products.ts):
 * with x and dy laid on the same grid, filter position (fh, fw)'s slice of the gradient,
 * `[inChannels, outChannels]`, is one product `xpᵀ · dyp`, x read from that position's offset.
 */
function shiftedProducts(
  blas: OpenBlas,
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): TensorInfo {
  const { inChannels, outChannels } = info;
  const out = backend.makeOutput(
    [info.filterHeight, info.filterWidth, inChannels, outChannels],
    'float32',
  );
  // Views of the heap, taken after the last allocation (growing the heap detaches them).
  const { xp, grid } = inputOnGrid(backend.typedArrayFromHeap(x) as Float32Array, info);
  const dyp = scratch('output', grid.rows * outChannels);
  const dyShape = { ...grid, h: info.outHeight, w: info.outWidth, c: outChannels };
  toGrid(backend.typedArrayFromHeap(dy) as Float32Array, dyp, dyShape, 0, 0);
  const result = backend.typedArrayFromHeap(out) as Float32Array;
  if (inChannels === 1) {
    const positions = info.filterHeight * info.filterWidth;
    blas.sgemm(
      false,
      false,
      positions,
      outChannels,
      grid.rows,
      shiftedRows(xp, grid, info),
      dyp,
      result,
    );
    return out;
  }
  const block = inChannels * outChannels;
  for (const { position, offset } of filterShifts(info, grid.wp)) {
    const xShifted = xp.subarray(offset * inChannels, (offset + grid.rows) * inChannels);
    const slice = result.subarray(position * block, (position + 1) * block);
    blas.sgemm(true, false, inChannels, outChannels, grid.rows, xShifted, dyp, slice);
  }
  return out;
}
