import { describe, expect, it, vi } from 'vitest';
import { MODELS_ERROR_CODES, ModelsError } from './models-error.js';

const BRAND = Symbol.for('fmnist.error');

describe('ModelsError', () => {
  it('carries code, message, name and cause', () => {
    const cause = new Error('disk');
    const error = new ModelsError('UNKNOWN_PRESET', 'expected x, found y: do z', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ModelsError');
    expect(error.code).toBe('UNKNOWN_PRESET');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('expected x, found y: do z');
  });

  it("sets the fmnist brand to its class name, the one check the CLI's formatError makes", () => {
    const error = new ModelsError('UNKNOWN_PRESET', 'm');
    expect((error as unknown as Record<symbol, unknown>)[BRAND]).toBe('ModelsError');
  });

  it('recognises an error from a second copy of the module, where instanceof says no', async () => {
    vi.resetModules();
    // A query makes the module loader evaluate the file again: a second copy, with its own class.
    const secondCopy = './models-error.js?second-copy';
    const copy = (await import(
      /* @vite-ignore */ secondCopy
    )) as typeof import('./models-error.js');
    expect(copy.ModelsError).not.toBe(ModelsError);
    const foreign = new copy.ModelsError('UNKNOWN_PRESET', 'm');
    expect(foreign instanceof ModelsError).toBe(false);
    expect(ModelsError.isInstance(foreign)).toBe(true);
    expect(copy.ModelsError.isInstance(new ModelsError('UNKNOWN_PRESET', 'm'))).toBe(true);
  });

  it('recognises a plain object carrying the brand, and nothing else', () => {
    expect(ModelsError.isInstance({ [BRAND]: 'ModelsError', code: 'UNKNOWN_PRESET' })).toBe(true);
    expect(ModelsError.isInstance({ [BRAND]: 'DatasetError' })).toBe(false);
    expect(
      ModelsError.isInstance(
        Object.assign(new Error('m'), { name: 'ModelsError', code: 'UNKNOWN_PRESET' }),
      ),
    ).toBe(false);
    expect(ModelsError.isInstance(new Error('m'))).toBe(false);
    expect(ModelsError.isInstance(null)).toBe(false);
    expect(ModelsError.isInstance('UNKNOWN_PRESET')).toBe(false);
  });

  it('maps each code to itself', () => {
    for (const [key, value] of Object.entries(MODELS_ERROR_CODES)) expect(value).toBe(key);
  });
});
