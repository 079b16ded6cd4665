import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../select-backend.js';

describe('Identity on wasm', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('clones without copying, and the clone outlives the original', () => {
    const before = tf.memory();
    const x = tf.tensor2d([1, -2, 3.5, 0], [2, 2]);
    const buffers = tf.memory().numDataBuffers;
    const y = tf.clone(x);
    expect(tf.memory().numDataBuffers).toBe(buffers); // one buffer, two references
    x.dispose();
    expect(y.shape).toEqual([2, 2]);
    expect(Array.from(y.dataSync())).toEqual([1, -2, 3.5, 0]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numDataBuffers).toBe(before.numDataBuffers);
  });

  it('casts to the same dtype without copying, and converts to another', () => {
    const x = tf.tensor1d([1.5, -2, 0]);
    const buffers = tf.memory().numDataBuffers;
    const same = tf.cast(x, 'float32');
    expect(tf.memory().numDataBuffers).toBe(buffers);
    const ints = tf.cast(x, 'int32');
    expect(Array.from(same.dataSync())).toEqual([1.5, -2, 0]);
    expect(Array.from(ints.dataSync())).toEqual([1, -2, 0]);
    tf.dispose([x, same, ints]);
  });

  it('keeps int32, bool and string tensors as they are', () => {
    for (const x of [
      tf.tensor1d([3, -4], 'int32'),
      tf.tensor1d([1, 0], 'bool'),
      tf.tensor1d(['a', 'bc']),
    ]) {
      const y = tf.clone(x);
      expect(y.dtype).toBe(x.dtype);
      expect(y.dataSync()).toEqual(x.dataSync());
      tf.dispose([x, y]);
    }
  });

  it('leaves saved activations intact through a backward pass', () => {
    // tfjs clones the tensors a kernel saves for its gradient; gradients must match the cpu's.
    const grad = () =>
      tf.tidy(() => {
        const x = tf.tensor2d([0.5, -1, 2, 3, -0.25, 1.5], [2, 3]);
        return tf
          .grad((v: tf.Tensor) => v.relu().square().exp().sum())(x)
          .dataSync()
          .slice();
      });
    const wasm = grad();
    return tf.setBackend('cpu').then(() => {
      expect(Array.from(wasm)).toEqual(Array.from(grad()));
      return tf.setBackend('wasm');
    });
  });
});
