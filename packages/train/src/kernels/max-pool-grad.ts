import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type TensorInfo = tf.TensorInfo;

/**
 * MaxPoolGrad for the wasm backend, in one pass over the output: each `dy` value goes to the
 * first largest input of its window, as tfjs' cpu backend does. Replaces the stock kernel, which
 * was the slowest part of a conv net's step after the convolutions.
 */
export function maxPoolGradWasm(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
  const attrs = args.attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const padTop = info.padInfo.top;
  const padLeft = info.padInfo.left;
  // Views into the wasm heap, taken after the last allocation (growing the heap detaches them).
  const out = backend.makeOutput(input.shape, 'float32');
  const dx = backend.typedArrayFromHeap(out) as Float32Array;
  const x = backend.typedArrayFromHeap(input) as Float32Array;
  const g = backend.typedArrayFromHeap(dy) as Float32Array;
  if (
    filterHeight === 2 &&
    filterWidth === 2 &&
    strideHeight === 2 &&
    strideWidth === 2 &&
    padTop === 0 &&
    padLeft === 0 &&
    2 * outHeight <= inHeight &&
    2 * outWidth <= inWidth
  ) {
    maxPool2x2Grad(x, g, dx, batchSize, inHeight, inWidth, channels, outHeight, outWidth);
    return out;
  }
  dx.fill(0);
  // Channels innermost: every window cell is compared for all channels at once, reading and
  // writing contiguous runs.
  const best = new Float32Array(channels);
  const at = new Int32Array(channels);
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * strideHeight - padTop;
      for (let ow = 0; ow < outWidth; ow++) {
        const w0 = ow * strideWidth - padLeft;
        best.fill(Number.NEGATIVE_INFINITY);
        at.fill(-1);
        for (let fh = 0; fh < filterHeight; fh++) {
          const h = h0 + fh;
          if (h < 0 || h >= inHeight) continue;
          for (let fw = 0; fw < filterWidth; fw++) {
            const w = w0 + fw;
            if (w < 0 || w >= inWidth) continue;
            const base = ((b * inHeight + h) * inWidth + w) * channels;
            for (let c = 0; c < channels; c++) {
              const v = x[base + c] as number;
              if (v > (best[c] as number) || (at[c] as number) < 0) {
                best[c] = v;
                at[c] = base + c;
              }
            }
          }
        }
        const gBase = ((b * outHeight + oh) * outWidth + ow) * channels;
        for (let c = 0; c < channels; c++) {
          const i = at[c] as number;
          if (i >= 0) dx[i] = (dx[i] as number) + (g[gBase + c] as number);
        }
      }
    }
  }
  return out;
}

/**
 * The common case (2×2 windows, stride 2, no padding): the windows do not overlap, so each `dy`
 * value goes to the first largest of its four inputs and the other three get 0, with no state
 * per window. Writes every cell of the windows, so only the row and column an odd size leaves
 * outside them need clearing.
 */
function maxPool2x2Grad(
  x: Float32Array,
  g: Float32Array,
  dx: Float32Array,
  batchSize: number,
  inHeight: number,
  inWidth: number,
  channels: number,
  outHeight: number,
  outWidth: number,
): void {
  if (2 * outHeight !== inHeight || 2 * outWidth !== inWidth) dx.fill(0);
  const right = channels;
  const down = inWidth * channels;
  let o = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const base = ((b * inHeight + 2 * oh) * inWidth + 2 * ow) * channels;
        for (let c = 0; c < channels; c++, o++) {
          const i = base + c;
          const x0 = x[i] as number;
          const x1 = x[i + right] as number;
          const x2 = x[i + down] as number;
          const x3 = x[i + down + right] as number;
          let at = 0;
          let best = x0;
          if (x1 > best) {
            at = 1;
            best = x1;
          }
          if (x2 > best) {
            at = 2;
            best = x2;
          }
          if (x3 > best) at = 3;
          const gradient = g[o] as number;
          dx[i] = at === 0 ? gradient : 0;
          dx[i + right] = at === 1 ? gradient : 0;
          dx[i + down] = at === 2 ? gradient : 0;
          dx[i + down + right] = at === 3 ? gradient : 0;
        }
      }
    }
  }
}
