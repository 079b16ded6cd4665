import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../scripts/test-tmpdir.mjs'],
    include: ['test/**/*.test.ts'],
    // Each example is a child process that loads tfjs and trains a little.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
