import * as tf from '@tensorflow/tfjs';

/** Pixels (0–255, image after image) as the model's input tensor, scaled to [0, 1]. */
export function toInput(
  model: tf.LayersModel,
  pixels: Float32Array | Uint8Array,
  count: number,
): tf.Tensor {
  const shape = model.inputs[0]?.shape.slice(1) as number[];
  let scaled = pixels;
  if (!(pixels instanceof Float32Array)) {
    // A plain loop: Float32Array.from with a map function walks an iterator, ~20× slower.
    scaled = new Float32Array(pixels.length);
    for (let i = 0; i < pixels.length; i++) scaled[i] = (pixels[i] as number) / 255;
  }
  return tf.tensor(scaled, [count, ...shape], 'float32');
}
