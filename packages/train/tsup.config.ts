import { defineConfig } from 'tsup';

export default defineConfig({
  // The job child is a script of its own: the local job runner starts it for each run.
  entry: {
    index: 'src/index.ts',
    bench: 'src/bench.ts',
    'train-job-child': 'src/jobs/train-job-child.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', bench: 'src/bench.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  // tsup bundles optional dependencies unless told not to; both are loaded at run time.
  external: ['@tensorflow/tfjs-node', '@fmnist/openblas'],
});
