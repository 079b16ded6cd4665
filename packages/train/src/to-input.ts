import { toFloat32 } from '@fmnist/dataset';
import * as tf from '@tensorflow/tfjs';

/**
 * Images as the model's input tensor: bytes (0–255, image after image) are scaled to [0, 1] as
 * the notebook does (`toFloat32`); a Float32Array is taken as already scaled.
 */
export function toInput(
  model: tf.LayersModel,
  pixels: Float32Array | Uint8Array,
  count: number,
): tf.Tensor {
  const shape = model.inputs[0]?.shape.slice(1) as number[];
  const scaled = pixels instanceof Float32Array ? pixels : toFloat32(pixels);
  return tf.tensor(scaled, [count, ...shape], 'float32');
}
