// String.fromCharCode takes its characters as arguments: a bounded chunk keeps under the
// engine's argument limit for large buffers (model weights).
const CHUNK = 0x8000;

/**
 * Base64 text of bytes (how run records keep pixels and predictions), in Node and in browsers
 * alike; `decodeBase64` reads it back.
 *
 * @example
 * ```ts
 * const pixels = encodeBase64(images.subarray(i * 784, (i + 1) * 784));
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
