import { describe, expect, it } from 'vitest';
import { resolveCacheDir } from './resolve-cache-dir.js';

describe('resolveCacheDir', () => {
  it('uses an absolute XDG_CACHE_HOME, else ~/.cache', () => {
    expect(resolveCacheDir({ env: { XDG_CACHE_HOME: '/c' }, homeDir: '/h' })).toBe('/c/fmnist');
    expect(resolveCacheDir({ env: {}, homeDir: '/h' })).toBe('/h/.cache/fmnist');
    expect(resolveCacheDir({ env: { XDG_CACHE_HOME: 'rel' }, homeDir: '/h' })).toBe(
      '/h/.cache/fmnist',
    );
  });
});
