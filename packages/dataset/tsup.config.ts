import { defineConfig } from 'tsup';

export default defineConfig({
  // `.` is the Node entry; `./browser` is the part with no node: imports; `./testing` (Node)
  // generates tiny datasets for tests.
  entry: ['src/index.ts', 'src/browser.ts', 'src/testing.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Keep `node:fs` etc. as written: Node >= 20 needs no stripping, and bundlers then fail loudly
  // if the Node entry is bundled for a browser.
  removeNodeProtocol: false,
});
