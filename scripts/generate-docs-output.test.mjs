import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
// The check trains on the real Fashion-MNIST, found where every command finds it (no download).
const realData =
  spawnSync('node', [join(root, 'apps/cli/dist/bin.js'), 'data', 'verify']).status === 0;

describe('apps/cli/README.md "A real session"', () => {
  it.skipIf(!realData)(
    'shows the digits the same command prints today (one epoch, where the backend is the same)',
    () => {
      const out = execFileSync(
        'node',
        [join(root, 'scripts/generate-docs-output.mjs'), '--check'],
        {
          encoding: 'utf8',
        },
      );
      expect(out).toMatch(/epoch 1 matches the README|skipped the digits/);
    },
    180_000,
  );
});
