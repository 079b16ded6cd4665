import { describe, expect, it } from 'vitest';
import { DatasetError } from '../errors/dataset-error.js';
import { encodeIdx } from './encode-idx.js';

describe('encodeIdx', () => {
  it('writes the MNIST header byte for byte', () => {
    const bytes = encodeIdx({ dtype: 'uint8', shape: [1, 2, 1], data: Uint8Array.of(7, 9) });
    expect(Array.from(bytes)).toEqual([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1, 7, 9]);
  });

  it('writes multi-byte elements big-endian', () => {
    const bytes = encodeIdx({ dtype: 'float32', shape: [1], data: Float32Array.of(1) });
    expect(Array.from(bytes.subarray(8))).toEqual([0x3f, 0x80, 0, 0]);
  });

  it('rejects a shape that does not match the data', () => {
    try {
      encodeIdx({ dtype: 'uint8', shape: [3], data: Uint8Array.of(1) });
      expect.unreachable();
    } catch (error) {
      expect(DatasetError.isInstance(error) && error.code).toBe('INVALID_OPTION');
    }
    expect(() => encodeIdx({ dtype: 'uint8', shape: [-1], data: new Uint8Array() })).toThrow(
      /integer/,
    );
  });
});
