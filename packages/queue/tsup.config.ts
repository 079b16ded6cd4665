import { defineConfig } from 'tsup';

export default defineConfig({
  // `./child` is what a job's child process imports: no BullMQ, no Redis client.
  // `./testing`: a real redis-server for tests of programs on the queue (the CLI's among them).
  entry: ['src/index.ts', 'src/child.ts', 'src/testing.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
