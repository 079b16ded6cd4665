import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPng, grayPng, ihdr, pngBomb, pngChunk } from '../test/hostile/build-png.js';
import { decodePngGray, MAX_PNG_SIDE } from './decode-png-gray.js';
import { CliError } from './errors.js';

function refusal(bytes: Uint8Array): CliError {
  try {
    decodePngGray(bytes);
  } catch (error) {
    if (CliError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the PNG to be refused');
}

describe('decodePngGray', () => {
  it('decodes a whole PNG', () => {
    const image = decodePngGray(grayPng(30, 20, 100));
    expect([image.width, image.height]).toEqual([30, 20]);
    expect(image.pixels[0]).toBeCloseTo(100, 3);
  });

  it('refuses the 68-byte 30000×30000 bomb at once, stating the size limit', () => {
    const bomb = pngBomb();
    expect(bomb.length).toBe(68);
    const started = performance.now();
    const error = refusal(bomb);
    expect(performance.now() - started).toBeLessThan(100);
    expect(error.message).toContain('30000×30000');
    expect(error.message).toContain(`at most ${MAX_PNG_SIDE}×${MAX_PNG_SIDE}`);
    expect(error.hint).toMatch(/Scale it down/);
  });

  it('takes 4096 pixels a side, not 4097', () => {
    expect(decodePngGray(grayPng(MAX_PNG_SIDE, 1)).width).toBe(MAX_PNG_SIDE);
    expect(refusal(grayPng(1, MAX_PNG_SIDE + 1)).message).toContain('1×4097');
  });

  it.each([
    ['cut after the header', (png: Buffer) => png.subarray(0, 40)],
    ['cut inside the image data', (png: Buffer) => png.subarray(0, png.length - 20)],
    ['without IEND', (png: Buffer) => png.subarray(0, png.length - 12)],
  ])('refuses a truncated PNG (%s)', (_, cut) => {
    expect(refusal(cut(grayPng(28, 28, 7))).message).toMatch(/truncated/);
  });

  it('refuses image data that inflates to less than the header declares', () => {
    const png = buildPng(
      pngChunk('IHDR', ihdr(28, 28)),
      pngChunk('IDAT', deflateSync(Buffer.alloc(28 * 10))),
      pngChunk('IEND', Buffer.alloc(0)),
    );
    expect(refusal(png).message).toMatch(/holds 280 bytes where its 28×28 header needs 812/);
  });

  it.each([
    ['text', Buffer.from('hello')],
    ['an empty file', Buffer.alloc(0)],
    ['a zero-width image', grayPng(1, 1).fill(0, 16, 20)],
    ['a bad CRC', buildPng(pngChunk('IHDR', ihdr(2, 2), true), pngChunk('IEND', Buffer.alloc(0)))],
  ])('refuses %s with a CliError', (_, bytes) => {
    expect(refusal(bytes)).toBeInstanceOf(CliError);
  });
});
