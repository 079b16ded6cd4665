import { defineConfig } from 'tsup';

export default defineConfig({
  // `./child` is what a job's child process imports: no BullMQ, no Redis client.
  entry: ['src/index.ts', 'src/child.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
