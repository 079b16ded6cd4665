import { defineConfig } from 'vite';

// The Try-it engine: tfjs and @fmnist/models/browser in one classic script that sets
// `globalThis.fmnistTryIt`. The app adds it to the page only when the Try-it view opens, from a
// URL when served and from the report's embedded text when opened from disk.
export default defineConfig({
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/app/assets',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    lib: {
      entry: 'src/try-it/engine.ts',
      name: 'fmnistTryItBundle',
      formats: ['iife'],
      fileName: () => 'try-it.js',
    },
  },
});
