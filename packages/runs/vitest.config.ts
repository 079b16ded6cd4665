import { defineConfig } from 'vitest/config';

// Its own config, so that vitest does not pick up the root's (which only runs scripts/).
export default defineConfig({
  test: {
    globalSetup: ['../../scripts/test-tmpdir.mjs'],
    include: ['src/**/*.test.ts'],
  },
});
