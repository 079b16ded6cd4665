import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../../scripts/test-tmpdir.mjs'],
    // Kernel tests compare against tfjs's slow pure-JS cpu backend, and the machines are shared:
    // time limits here catch hangs, not slowness.
    testTimeout: 60_000,
  },
});
