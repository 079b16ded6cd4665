// Each byte's float32 value: the double x / 255 rounded to float32, which is what NumPy's
// `x / 255.0` followed by Keras's cast to float32 gives.
const SCALE = Float32Array.from({ length: 256 }, (_, x) => x / 255);

/**
 * Pixels 0–255 as float32 in [0, 1] (`x / 255`, as the notebook scales them), in a new array.
 * Pass `out` (and `outOffset`) to write into an existing array instead.
 *
 * @example
 * ```ts
 * const xs = toFloat32(test.images); // 10000 * 784 floats, ready for tf.tensor2d(xs, [10000, 784])
 * ```
 */
export function toFloat32(
  images: Uint8Array,
  out: Float32Array = new Float32Array(images.length),
  outOffset = 0,
): Float32Array {
  for (let i = 0; i < images.length; i += 1) out[outOffset + i] = SCALE[images[i] ?? 0] ?? 0;
  return out;
}
