import { defineConfig } from 'vite';

// The app: one ES module and one stylesheet with fixed names (no code splitting), so that the
// Node entry can inline them into a self-contained HTML report. tfjs is not part of it: the
// Try-it engine is a separate bundle (vite.try-it.config.ts) loaded only on that view.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/app.js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/app[extname]',
      },
    },
  },
});
