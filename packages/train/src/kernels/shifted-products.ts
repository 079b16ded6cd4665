import type * as tf from '@tensorflow/tfjs';

/**
 * Stride-1 convolutions as "shifted products" on OpenBLAS. Lay a `[batch, h, w, c]` tensor on a
 * zero-padded grid `[batch, hp, wp, c]` with hp = outHeight + filterHeight − 1 and
 * wp = outWidth + filterWidth − 1; then the input row that filter position (fh, fw) meets at flat
 * grid position m is row `m + fh·wp + fw`. So each filter position is one matrix product over the
 * whole batch, reading the grid from that offset in order — no patch (im2col) matrix. Output
 * positions off the valid `[outHeight, outWidth]` corner of the grid are computed and thrown away:
 * (hp·wp)/(outHeight·outWidth) more arithmetic, 1.3× for 14×14 and a 3×3 filter.
 */

type Conv2DInfo = tf.backend_util.Conv2DInfo;

/** Whether a convolution can run as shifted products: stride 1, no dilation, no negative padding. */
export function canShift(info: Conv2DInfo): boolean {
  const { padInfo } = info;
  return (
    info.strideHeight === 1 &&
    info.strideWidth === 1 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    [padInfo.top, padInfo.left, padInfo.bottom, padInfo.right].every((p) => p >= 0)
  );
}

/**
 * A convolution's grid. `rows` is how many grid rows each product covers: every valid output
 * position is below it, and from it on a shifted read would leave the grid.
 */
export interface Grid {
  batch: number;
  hp: number;
  wp: number;
  rows: number;
}

/** Each filter position: its index in the filter (row-major) and its offset in grid rows. */
export function filterShifts(info: Conv2DInfo, wp: number): { position: number; offset: number }[] {
  const shifts = [];
  for (let fh = 0; fh < info.filterHeight; fh++) {
    for (let fw = 0; fw < info.filterWidth; fw++) {
      shifts.push({ position: fh * info.filterWidth + fw, offset: fh * wp + fw });
    }
  }
  return shifts;
}

const scratchArrays = new Map<string, Float32Array>();

/**
 * A scratch array kept between calls under `name` (a conv net asks for the same sizes every
 * step), zeroed unless `zeroed` is false.
 */
export function scratch(name: 'input' | 'output' | 'rows', length: number, zeroed = true) {
  const kept = scratchArrays.get(name);
  if (!kept || kept.length < length) {
    const fresh = new Float32Array(length);
    scratchArrays.set(name, fresh);
    return fresh;
  }
  const view = kept.subarray(0, length);
  if (zeroed) view.fill(0);
  return view;
}

/** The input `x` (a view of it, `[batch, inHeight, inWidth, inChannels]`) on its grid. */
export function inputOnGrid(x: Float32Array, info: Conv2DInfo): { xp: Float32Array; grid: Grid } {
  const { batchSize: batch, filterHeight, filterWidth } = info;
  const hp = info.outHeight + filterHeight - 1;
  const wp = info.outWidth + filterWidth - 1;
  const grid = {
    batch,
    hp,
    wp,
    rows: batch * hp * wp - ((filterHeight - 1) * wp + filterWidth - 1),
  };
  const xp = scratch('input', batch * hp * wp * info.inChannels);
  const shape = { h: info.inHeight, w: info.inWidth, c: info.inChannels };
  toGrid(x, xp, { ...grid, ...shape }, info.padInfo.top, info.padInfo.left);
  return { xp, grid };
}

/** Shapes of a `[batch, h, w, c]` tensor and the grid it is laid on. */
export type GridShape = Grid & { h: number; w: number; c: number };

/** Copy `src` onto the zeroed `grid` with its corner at (top, left); what falls outside is dropped. */
export function toGrid(
  src: Float32Array,
  grid: Float32Array,
  s: GridShape,
  top: number,
  left: number,
) {
  const { batch, h, w, c, hp, wp } = s;
  const iw0 = Math.max(0, -left);
  const iw1 = Math.min(w, wp - left);
  if (iw1 <= iw0) return;
  for (let b = 0; b < batch; b++) {
    for (let ih = Math.max(0, -top); ih < Math.min(h, hp - top); ih++) {
      const from = ((b * h + ih) * w + iw0) * c;
      grid.set(
        src.subarray(from, from + (iw1 - iw0) * c),
        ((b * hp + ih + top) * wp + iw0 + left) * c,
      );
    }
  }
}

/** Copy the `[batch, h, w, c]` corner of `grid` into `dst`. */
export function fromGrid(grid: Float32Array, dst: Float32Array, s: GridShape) {
  const { batch, h, w, c, hp, wp } = s;
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < h; oh++) {
      const from = (b * hp + oh) * wp * c;
      dst.set(grid.subarray(from, from + w * c), (b * h + oh) * w * c);
    }
  }
}

/**
 * For one input channel: the grid's shifted copies as the rows of one matrix, `[filterHeight ×
 * filterWidth, rows]` — a patch matrix for the price of a few copies — so that a single product
 * serves every filter position (single-column shifted products are slow, memory-bound).
 */
export function shiftedRows(xp: Float32Array, grid: Grid, info: Conv2DInfo): Float32Array {
  const { rows, wp } = grid;
  const out = scratch('rows', info.filterHeight * info.filterWidth * rows, false);
  for (const { position, offset } of filterShifts(info, wp)) {
    out.set(xp.subarray(offset, offset + rows), position * rows);
  }
  return out;
}
