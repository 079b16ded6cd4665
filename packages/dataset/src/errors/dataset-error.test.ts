import { describe, expect, it, vi } from 'vitest';
import { DATASET_ERROR_CODES, DatasetError } from './dataset-error.js';

const BRAND = Symbol.for('fmnist.error');

describe('DatasetError', () => {
  it('carries code, message, name and cause', () => {
    const cause = new Error('disk');
    const error = new DatasetError('FILES_NOT_FOUND', 'expected x, found y: do z', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DatasetError');
    expect(error.code).toBe('FILES_NOT_FOUND');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('expected x, found y: do z');
  });

  it("sets the fmnist brand to its class name, the one check the CLI's formatError makes", () => {
    const error = new DatasetError('FILES_NOT_FOUND', 'm');
    expect((error as unknown as Record<symbol, unknown>)[BRAND]).toBe('DatasetError');
  });

  it('recognises an error from a second copy of the module, where instanceof says no', async () => {
    vi.resetModules();
    // A query makes the module loader evaluate the file again: a second copy, with its own class.
    const secondCopy = './dataset-error.js?second-copy';
    const copy = (await import(
      /* @vite-ignore */ secondCopy
    )) as typeof import('./dataset-error.js');
    expect(copy.DatasetError).not.toBe(DatasetError);
    const foreign = new copy.DatasetError('FILES_NOT_FOUND', 'm');
    expect(foreign instanceof DatasetError).toBe(false);
    expect(DatasetError.isInstance(foreign)).toBe(true);
    expect(copy.DatasetError.isInstance(new DatasetError('FILES_NOT_FOUND', 'm'))).toBe(true);
  });

  it('recognises a plain object carrying the brand, and nothing else', () => {
    expect(DatasetError.isInstance({ [BRAND]: 'DatasetError', code: 'FILES_NOT_FOUND' })).toBe(
      true,
    );
    expect(DatasetError.isInstance({ [BRAND]: 'MetricsError' })).toBe(false);
    expect(
      DatasetError.isInstance(
        Object.assign(new Error('m'), { name: 'DatasetError', code: 'FILES_NOT_FOUND' }),
      ),
    ).toBe(false);
    expect(DatasetError.isInstance(new Error('m'))).toBe(false);
    expect(DatasetError.isInstance(null)).toBe(false);
    expect(DatasetError.isInstance('FILES_NOT_FOUND')).toBe(false);
  });

  it('maps each code to itself', () => {
    for (const [key, value] of Object.entries(DATASET_ERROR_CODES)) expect(value).toBe(key);
  });
});
