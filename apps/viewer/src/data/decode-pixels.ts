/** Side of a Fashion-MNIST image. */
export const IMAGE_SIDE = 28;

/**
 * Decode a sample's base64 pixels (28×28 uint8, row by row) into bytes.
 *
 * @throws Error when the text is not base64 of exactly 784 bytes
 */
export function decodePixels(base64: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(base64);
  } catch (error) {
    throw new Error('expected the sample pixels as base64 text, found other characters', {
      cause: error,
    });
  }
  if (binary.length !== IMAGE_SIDE * IMAGE_SIDE) {
    throw new Error(
      `expected ${IMAGE_SIDE * IMAGE_SIDE} pixels (28×28), found ${binary.length}: the record's sample is damaged`,
    );
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
