import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // The JSON Schema for editors is generated from the zod schema, so it never drifts.
  onSuccess: 'node scripts/write-json-schema.mjs',
});
