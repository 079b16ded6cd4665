import { defineConfig } from 'vitest/config';

// The root's own tests: the scripts in scripts/. It lives here, not at the root, so that packages
// without a vitest config of their own do not pick it up. Run: vitest run --config scripts/vitest.config.mjs
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['*.test.mjs'],
    globalSetup: ['test-tmpdir.mjs'],
    testTimeout: 60_000,
  },
});
