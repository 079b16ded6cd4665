import { describe, expect, it } from 'vitest';
import { formatImageText } from './format-image-text.js';

describe('formatImageText', () => {
  it('draws a 28×28 image as 28 lines of shade characters', () => {
    // Left half black ink (255), right half blank.
    const image = Uint8Array.from({ length: 784 }, (_, k) => (k % 28 < 14 ? 255 : 0));
    const lines = formatImageText(image).split('\n');
    expect(lines).toHaveLength(28);
    expect(lines[0]).toBe('█'.repeat(28));
  });

  it('resamples to a given size and shape, with the full shade range', () => {
    const ramp = Uint8Array.of(0, 64, 128, 192, 255);
    expect(formatImageText(ramp, { shape: [1, 5], width: 5, height: 1 })).toBe(' ░▒▓█');
    expect(
      formatImageText(new Uint8Array(16).fill(255), { shape: [4, 4], width: 2, height: 2 }),
    ).toBe('██\n██');
  });

  it('rejects an image of the wrong size', () => {
    expect(() => formatImageText(new Uint8Array(10))).toThrow(/28×28 = 784 pixels, found 10/);
    expect(() => formatImageText(new Uint8Array(784), { width: 0 })).toThrow(/width/);
  });
});
