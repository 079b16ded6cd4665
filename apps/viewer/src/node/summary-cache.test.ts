import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import { createRunIndex } from './create-run-index.js';
import { SUMMARY_CACHE_FORMAT } from './summary-cache.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-viewer-cache-'));
  for (const name of ['a', 'b']) {
    await mkdir(join(root, 'runs', name), { recursive: true });
    await writeFile(join(root, 'runs', name, 'run.json'), JSON.stringify(minimalRun({ name })));
  }
  await mkdir(join(root, 'runs', 'bad'), { recursive: true });
  await writeFile(join(root, 'runs', 'bad', 'run.json'), '{"schemaVersion": 1}');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const names = async (cacheFile: string) => {
  const index = await createRunIndex({
    runsDir: join(root, 'runs'),
    experimentsDir: join(root, 'experiments'),
    cacheFile,
  });
  const current = index.current();
  index.close();
  // The first save is not awaited by the index: give it a moment.
  await new Promise((done) => setTimeout(done, 100));
  return Object.fromEntries(
    current.runs.map((run) => [run.key, run.summary?.name ?? `error: ${run.error}`]),
  );
};

describe('the summary cache', () => {
  it('keeps summaries between starts and reads again only the run.json files that changed', async () => {
    const file = join(root, 'cache', 'index.json');
    expect(await names(file)).toMatchObject({ 'runs/a': 'a', 'runs/b': 'b' });
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.format).toBe(SUMMARY_CACHE_FORMAT);
    expect(Object.keys(saved.entries)).toHaveLength(3);
    // Mark the cached summaries: a start that used them shows the marks.
    for (const entry of Object.values(saved.entries) as { summary?: { name: string } }[]) {
      if (entry.summary) entry.summary.name = `cached ${entry.summary.name}`;
    }
    await writeFile(file, JSON.stringify(saved));
    expect(await names(file)).toMatchObject({ 'runs/a': 'cached a', 'runs/b': 'cached b' });
    // A changed run.json is read again (its version changed); an unchanged one is not.
    await writeFile(
      join(root, 'runs', 'b', 'run.json'),
      JSON.stringify(minimalRun({ name: 'b2' })),
    );
    const after = await names(file);
    expect(after).toMatchObject({ 'runs/a': 'cached a', 'runs/b': 'b2' });
    expect(after['runs/bad']).toMatch(/^error: invalid run record/);
  });

  it('ignores a damaged cache or one of another format', async () => {
    const file = join(root, 'cache', 'damaged.json');
    await mkdir(join(root, 'cache'), { recursive: true });
    await writeFile(file, '{"format": 1, "entries": ');
    expect(await names(file)).toMatchObject({ 'runs/a': 'a' });
    const other = JSON.parse(await readFile(file, 'utf8'));
    for (const entry of Object.values(other.entries) as { summary?: { name: string } }[]) {
      if (entry.summary) entry.summary.name = 'stale';
    }
    await writeFile(file, JSON.stringify({ ...other, format: SUMMARY_CACHE_FORMAT + 1 }));
    expect(await names(file)).toMatchObject({ 'runs/a': 'a' });
  });
});
