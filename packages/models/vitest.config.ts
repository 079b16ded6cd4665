import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../../scripts/test-tmpdir.mjs'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup-tfjs.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
