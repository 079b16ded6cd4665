import { defineConfig } from 'vitest/config';

// A config of its own, so that vitest does not pick up the root's (scripts/ only).
export default defineConfig({
  test: {
    globalSetup: ['../../scripts/test-tmpdir.mjs'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
