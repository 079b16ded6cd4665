import { decodeBase64 } from '@fmnist/dataset/browser';

/** Side of a Fashion-MNIST image. */
export const IMAGE_SIDE = 28;

/**
 * Decode a sample's base64 pixels (28×28 uint8, row by row) into bytes.
 *
 * @throws Error when the text is not base64 of exactly 784 bytes
 */
export function decodePixels(base64: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(base64);
  } catch (error) {
    throw new Error('expected the sample pixels as base64 text, found other characters', {
      cause: error,
    });
  }
  if (bytes.length !== IMAGE_SIDE * IMAGE_SIDE) {
    throw new Error(
      `expected ${IMAGE_SIDE * IMAGE_SIDE} pixels (28×28), found ${bytes.length}: the record's sample is damaged`,
    );
  }
  return bytes;
}
