import { describe, expect, it } from 'vitest';
import { DATASET_ERROR_CODES, DatasetError } from './dataset-error.js';

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

  it('recognises instances by brand, also from another copy of the package', () => {
    expect(DatasetError.isInstance(new DatasetError('INVALID_OPTION', 'm'))).toBe(true);
    const foreign = Object.assign(new Error('m'), { [Symbol.for('@fmnist/dataset.error')]: true });
    expect(DatasetError.isInstance(foreign)).toBe(true);
    expect(DatasetError.isInstance(new Error('m'))).toBe(false);
    expect(DatasetError.isInstance(null)).toBe(false);
    expect(DatasetError.isInstance('IDX_BAD_MAGIC')).toBe(false);
  });

  it('lists each code under its own name', () => {
    for (const [key, value] of Object.entries(DATASET_ERROR_CODES)) expect(value).toBe(key);
  });
});
