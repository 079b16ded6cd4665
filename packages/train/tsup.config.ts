import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/bench.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // tsup bundles optional dependencies unless told not to; both are loaded at run time.
  external: ['@tensorflow/tfjs-node', '@fmnist/openblas'],
});
