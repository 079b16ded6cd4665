import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/node/index.ts' },
  outDir: 'dist/node',
  format: ['esm'],
  dts: true,
  sourcemap: true,
  // vite builds dist/app and dist/try-it first; only this entry's folder is cleaned.
  clean: true,
  target: 'node20',
  removeNodeProtocol: false,
});
