import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../../scripts/test-tmpdir.mjs'],
    include: ['src/**/*.test.ts'],
    // The distributed test starts redis-server and worker processes, and waits out a lock.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
