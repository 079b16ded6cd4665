import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from './browser.js';
import * as node from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

// Follows relative imports from a source file and collects every bare module it reaches.
function reachableModules(
  file: string,
  seen = new Set<string>(),
  bare = new Set<string>(),
): Set<string> {
  if (seen.has(file)) return bare;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, spec = ''] of source.matchAll(/from '([^']+)'/g)) {
    if (spec.startsWith('.'))
      reachableModules(join(dirname(file), spec.replace(/\.js$/, '.ts')), seen, bare);
    else bare.add(spec);
  }
  return bare;
}

describe('entry points', () => {
  it('./browser reaches no node: module and no dependency', () => {
    expect([...reachableModules(join(here, 'browser.ts'))]).toEqual([]);
  });

  it('the Node entry exports everything ./browser does, plus the file-system helpers', () => {
    for (const name of Object.keys(browser)) expect(node).toHaveProperty(name);
    expect(
      Object.keys(node)
        .filter((k) => !(k in browser))
        .sort(),
    ).toEqual([
      'SYSTEM_DATA_DIRS',
      'downloadFashionMnist',
      'findDatasetFiles',
      'loadFashionMnist',
      'loadIdxDataset',
      'locateFashionMnist',
      'readIdxFile',
      'resolveCacheDir',
    ]);
  });
});
