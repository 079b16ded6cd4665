import { describe, expect, it } from 'vitest';
import { DatasetError } from '../errors/dataset-error.js';
import { decodeBase64 } from './decode-base64.js';
import { encodeBase64 } from './encode-base64.js';

describe('encodeBase64 and decodeBase64', () => {
  it("agree with Node's Buffer, on every byte value and on buffers larger than a chunk", () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
    const text = encodeBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(decodeBase64(text)).toEqual(bytes);
    expect(encodeBase64(new Uint8Array())).toBe('');
    expect(decodeBase64('')).toEqual(new Uint8Array());
  });

  it('refuses text that is not base64, saying so', () => {
    expect(() => decodeBase64('not base64!')).toThrow(DatasetError);
    expect(() => decodeBase64('not base64!')).toThrow(/expected base64 text/);
  });
});
