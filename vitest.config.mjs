import { defineConfig } from 'vitest/config';

// The root's own tests: the scripts in scripts/ (each package has its own vitest config).
export default defineConfig({
  test: {
    include: ['scripts/**/*.test.mjs'],
    testTimeout: 60_000,
  },
});
