import * as tf from '@tensorflow/tfjs';

/** Pixels (0–255, image after image) as the model's input tensor, scaled to [0, 1]. */
export function toInput(
  model: tf.LayersModel,
  pixels: Float32Array | Uint8Array,
  count: number,
): tf.Tensor {
  const shape = model.inputs[0]?.shape.slice(1) as number[];
  const scaled =
    pixels instanceof Float32Array ? pixels : Float32Array.from(pixels, (v) => v / 255);
  return tf.tensor(scaled, [count, ...shape], 'float32');
}
