import { DatasetError } from '../errors/dataset-error.js';

/**
 * Bytes from base64 text (how run records keep pixels and predictions), in Node and in browsers
 * alike: the one decoder the metrics, the viewer and training share.
 *
 * @throws {DatasetError} `BASE64_INVALID` when the text is not base64
 *
 * @example
 * ```ts
 * const pixels = decodeBase64(record.samples[0].pixels); // 784 bytes
 * ```
 */
export function decodeBase64(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch (cause) {
    throw new DatasetError(
      'BASE64_INVALID',
      'expected base64 text, found characters other than A-Z, a-z, 0-9, +, / and = padding (or a wrong length)',
      { cause },
    );
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
