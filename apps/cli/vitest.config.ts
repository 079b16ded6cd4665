import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['../../scripts/test-tmpdir.mjs', 'test/global-setup.ts'],
    // The command tests spawn the real binary and train small models: give them time, and keep
    // to two workers on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // picocolors colours output whenever CI is set; the tests read plain text, in CI as anywhere.
    env: { NO_COLOR: '1' },
  },
});
