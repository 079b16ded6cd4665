import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/browser.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  // Keep `node:` specifiers: they mark Node-only code and browser bundlers leave them alone.
  removeNodeProtocol: false,
  target: 'node20',
  // The JSON Schema for editors is generated from the zod schema, so it never drifts.
  onSuccess: 'node scripts/write-json-schema.mjs',
});
