import { decodePixels, IMAGE_SIDE } from '../data/decode-pixels.js';
import { h } from './dom.js';

/** Paint 28×28 grey pixels (0 black … 255 white) onto a canvas of that size. */
export function paintPixels(canvas: HTMLCanvasElement, pixels: Uint8Array): void {
  canvas.width = IMAGE_SIDE;
  canvas.height = IMAGE_SIDE;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(IMAGE_SIDE, IMAGE_SIDE);
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i] ?? 0;
    image.data[i * 4] = v;
    image.data[i * 4 + 1] = v;
    image.data[i * 4 + 2] = v;
    image.data[i * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/** A canvas showing a sample's base64 pixels, or a note saying they are damaged. */
export function sampleCanvas(base64: string, label: string): HTMLElement {
  try {
    const pixels = decodePixels(base64);
    const canvas = h('canvas', { class: 'sample', role: 'img', 'aria-label': label });
    paintPixels(canvas, pixels);
    return canvas;
  } catch (error) {
    return h('span', { class: 'sample broken' }, (error as Error).message);
  }
}
