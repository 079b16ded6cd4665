import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import type { IndexChange } from '../shared/viewer-index.js';
import { createRunIndex } from './create-run-index.js';

let root: string;
const COUNT = 250;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-viewer-index-'));
  for (let i = 0; i < COUNT; i++) {
    const dir = join(root, 'runs', `run-${String(i).padStart(3, '0')}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'run.json'), JSON.stringify(minimalRun({ name: `run ${i}` })));
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** The index over the runs written above, with these options. */
const openIndex = (options: Partial<Parameters<typeof createRunIndex>[0]> = {}) =>
  createRunIndex({
    runsDir: join(root, 'runs'),
    experimentsDir: join(root, 'experiments'),
    ...options,
  });

describe('createRunIndex with readInBackground', () => {
  it('resolves once the folders are listed and publishes the runs in batches as they are read', async () => {
    const index = await openIndex({
      readInBackground: true,
      backgroundAfterMs: 0,
    });
    const changes: IndexChange[] = [];
    index.subscribe((change) => changes.push(change));
    try {
      expect(index.current().loading).toMatchObject({ total: COUNT });
      await index.ready;
      const loading = changes.map((change) => change.loading);
      expect(loading).toEqual([
        { read: 100, total: COUNT },
        { read: 200, total: COUNT },
        undefined,
      ]);
      // Each change follows the last: a client applying them in order ends with every run.
      expect(changes.map((change) => change.from)).toEqual([0, 1, 2]);
      expect(changes.flatMap((change) => change.runs)).toHaveLength(COUNT);
      const current = index.current();
      expect(current.loading).toBeUndefined();
      expect(current.runs).toHaveLength(COUNT);
      expect(current.version).toBe(3);
    } finally {
      index.close();
    }
  });

  it('waits a moment for the reading, so that a few runs are all there at once', async () => {
    const index = await openIndex({
      readInBackground: true,
      backgroundAfterMs: 60_000,
    });
    expect(index.current().runs).toHaveLength(COUNT);
    expect(index.current().loading).toBeUndefined();
    index.close();
  });

  it('without it, resolves with every run read', async () => {
    const index = await openIndex();
    expect(index.current().runs).toHaveLength(COUNT);
    expect(index.current().loading).toBeUndefined();
    index.close();
  });
});
