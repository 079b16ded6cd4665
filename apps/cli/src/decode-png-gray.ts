import type { GrayImage } from '@fmnist/dataset';
import { PNG } from 'pngjs';

/**
 * Decode a PNG (any colour type and bit depth pngjs reads) to grayscale luminance (ITU-R BT.601
 * weights), with transparent parts composited over white, the way an image viewer shows them.
 *
 * @throws {Error} from pngjs when the bytes are not a PNG.
 */
export function decodePngGray(bytes: Uint8Array): GrayImage & { pixels: Float32Array } {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const { width, height, data } = png;
  const pixels = new Float32Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const r = data[i * 4] ?? 0;
    const g = data[i * 4 + 1] ?? 0;
    const b = data[i * 4 + 2] ?? 0;
    const alpha = (data[i * 4 + 3] ?? 255) / 255;
    const luminance = 0.299 * r + 0.587 * g + 0.114 * b;
    pixels[i] = luminance * alpha + 255 * (1 - alpha);
  }
  return { width, height, pixels };
}
