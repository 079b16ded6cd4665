import { describe, expect, it, vi } from 'vitest';
import { METRICS_ERROR_CODES, MetricsError } from './metrics-error.js';

const BRAND = Symbol.for('fmnist.error');

describe('MetricsError', () => {
  it('carries code, message, name and cause', () => {
    const cause = new Error('disk');
    const error = new MetricsError('INVALID_RECORD', 'expected x, found y: do z', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MetricsError');
    expect(error.code).toBe('INVALID_RECORD');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('expected x, found y: do z');
  });

  it("sets the fmnist brand to its class name, the one check the CLI's formatError makes", () => {
    const error = new MetricsError('INVALID_RECORD', 'm');
    expect((error as unknown as Record<symbol, unknown>)[BRAND]).toBe('MetricsError');
  });

  it('recognises an error from a second copy of the module, where instanceof says no', async () => {
    vi.resetModules();
    // A query makes the module loader evaluate the file again: a second copy, with its own class.
    const secondCopy = './metrics-error.js?second-copy';
    const copy = (await import(
      /* @vite-ignore */ secondCopy
    )) as typeof import('./metrics-error.js');
    expect(copy.MetricsError).not.toBe(MetricsError);
    const foreign = new copy.MetricsError('INVALID_RECORD', 'm');
    expect(foreign instanceof MetricsError).toBe(false);
    expect(MetricsError.isInstance(foreign)).toBe(true);
    expect(copy.MetricsError.isInstance(new MetricsError('INVALID_RECORD', 'm'))).toBe(true);
  });

  it('recognises a plain object carrying the brand, and nothing else', () => {
    expect(MetricsError.isInstance({ [BRAND]: 'MetricsError', code: 'INVALID_RECORD' })).toBe(true);
    expect(MetricsError.isInstance({ [BRAND]: 'DatasetError' })).toBe(false);
    expect(
      MetricsError.isInstance(
        Object.assign(new Error('m'), { name: 'MetricsError', code: 'INVALID_RECORD' }),
      ),
    ).toBe(false);
    expect(MetricsError.isInstance(new Error('m'))).toBe(false);
    expect(MetricsError.isInstance(null)).toBe(false);
    expect(MetricsError.isInstance('INVALID_RECORD')).toBe(false);
  });

  it('maps each code to itself', () => {
    for (const [key, value] of Object.entries(METRICS_ERROR_CODES)) expect(value).toBe(key);
  });
});
