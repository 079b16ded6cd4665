/**
 * Helpers for stride-1 convolutions as "shifted products" on OpenBLAS. Lay a `[batch, h, w, c]`
 * tensor on a zero-padded grid `[batch, hp, wp, c]` with hp = outHeight + filterHeight − 1 and
 * wp = outWidth + filterWidth − 1; then the input row that filter position (fh, fw) meets at flat
 * grid position m is row `m + fh·wp + fw`. So each filter position is one matrix product over the
 * whole batch, reading the grid from that offset in order — no patch (im2col) matrix. Output
 * positions off the valid `[outHeight, outWidth]` corner of the grid are computed and thrown away:
 * (hp·wp)/(outHeight·outWidth) more arithmetic, 1.3× for 14×14 and a 3×3 filter.
 */

/** The grid offset, in rows, of filter position (fh, fw). */
export const shift = (fh: number, fw: number, wp: number) => fh * wp + fw;

/**
 * Grid rows a product may use: past this every filter position would read beyond the grid, and
 * the positions left out are all off the valid corner.
 */
export const gridRows = (batch: number, hp: number, wp: number, fh: number, fw: number) =>
  batch * hp * wp - shift(fh - 1, fw - 1, wp);

const scratchArrays: Float32Array[] = [];

/**
 * A scratch array kept between calls (a conv net asks for the same sizes every step), zeroed
 * unless `zeroed` is false. Slots let one kernel hold several at once.
 */
export function scratch(slot: number, length: number, zeroed = true): Float32Array {
  const kept = scratchArrays[slot];
  if (!kept || kept.length < length) {
    const fresh = new Float32Array(length);
    scratchArrays[slot] = fresh;
    return fresh;
  }
  const view = kept.subarray(0, length);
  if (zeroed) view.fill(0);
  return view;
}

/** Shapes of a `[batch, h, w, c]` tensor and the `[batch, hp, wp, c]` grid it is laid on. */
export interface GridShape {
  batch: number;
  h: number;
  w: number;
  c: number;
  hp: number;
  wp: number;
}

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
export function shiftedRows(
  grid: Float32Array,
  rows: number,
  filterHeight: number,
  filterWidth: number,
  wp: number,
): Float32Array {
  const out = scratch(2, filterHeight * filterWidth * rows, false);
  for (let fh = 0; fh < filterHeight; fh++) {
    for (let fw = 0; fw < filterWidth; fw++) {
      const from = shift(fh, fw, wp);
      out.set(grid.subarray(from, from + rows), (fh * filterWidth + fw) * rows);
    }
  }
  return out;
}
