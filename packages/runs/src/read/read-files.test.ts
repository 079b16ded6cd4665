import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunRecord } from '../read-run-record.js';
import { listRecordDirectories } from './list-record-directories.js';
import { mapConcurrently } from './map-concurrently.js';
import { readFileInside } from './read-file-inside.js';
import { readRecordFile } from './read-record-file.js';
import { statFileInside } from './stat-file-inside.js';

let root: string;
let runs: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-runs-read-'));
  runs = join(root, 'runs');
  await writeFile(join(root, 'secret.json'), '{"secret":"SECRET-JSON"}');
  await writeFile(join(root, 'secret.txt'), 'SECRET-TEXT');
  const make = async (name: string, files: Record<string, string> = {}) => {
    await mkdir(join(runs, name), { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(join(runs, name, file), text);
    return join(runs, name);
  };
  await make('good', { 'run.json': '{"name":"good"}', 'copy.json': '{"name":"copy"}' });
  // Links that stay inside the directory are fine.
  await make('inner-link', { 'real.json': '{"name":"inner"}' });
  await symlink('real.json', join(runs, 'inner-link', 'run.json'));
  await make('link-out');
  await symlink(join(root, 'secret.json'), join(runs, 'link-out', 'run.json'));
  await make('link-text');
  await symlink(join(root, 'secret.txt'), join(runs, 'link-text', 'run.json'));
  await make('dir-record');
  await mkdir(join(runs, 'dir-record', 'run.json'));
  await make('fifo');
  execFileSync('mkfifo', [join(runs, 'fifo', 'run.json')]);
  await make('cut', { 'run.json': '{"secret": "SECRET-TEXT", "name"' });
  await make('being-made');
  await make('.hidden', { 'run.json': '{}' });
  // A folder of the root that is a link to a folder elsewhere: not the root's.
  await mkdir(join(root, 'elsewhere'), { recursive: true });
  await writeFile(join(root, 'elsewhere', 'run.json'), '{"name":"elsewhere"}');
  await symlink(join(root, 'elsewhere'), join(runs, 'linked-away'));
  // A folder that is a link to another folder of the root is read by its real path.
  await symlink(join(runs, 'good'), join(runs, 'good-alias'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('statFileInside', () => {
  it('gives the real path and a version that changes when the file is rewritten', async () => {
    const first = await statFileInside(join(runs, 'good'), 'run.json');
    expect(first).toMatchObject({ ok: true, path: join(runs, 'good', 'run.json'), size: 15 });
    // An atomic rewrite of the same size and (maybe) the same millisecond: a new inode.
    await writeFile(join(runs, 'good', 'next.json'), '{"name":"gooD"}');
    await rename(join(runs, 'good', 'next.json'), join(runs, 'good', 'run.json'));
    const second = await statFileInside(join(runs, 'good'), 'run.json');
    expect(second.ok && first.ok && second.version !== first.version).toBe(true);
  });

  it('follows links inside the directory, refuses links out of it and anything not a file', async () => {
    expect(await statFileInside(join(runs, 'inner-link'), 'run.json')).toMatchObject({
      ok: true,
      path: join(runs, 'inner-link', 'real.json'),
    });
    for (const [name, target] of [
      ['link-out', 'secret.json'],
      ['link-text', 'secret.txt'],
    ] as const) {
      expect(await statFileInside(join(runs, name), 'run.json')).toEqual({
        ok: false,
        reason: 'outside',
        message: 'run.json is a link to a file outside its directory: refused, not read',
        target: join(root, target),
      });
    }
    expect(await statFileInside(join(runs, 'dir-record'), 'run.json')).toMatchObject({
      reason: 'not-a-file',
      message: 'run.json is a directory, not a file: refused, not read',
    });
    expect(await statFileInside(join(runs, 'fifo'), 'run.json')).toMatchObject({
      reason: 'not-a-file',
      message: 'run.json is a named pipe, not a file: refused, not read',
    });
    expect(await statFileInside(join(runs, 'being-made'), 'run.json')).toMatchObject({
      reason: 'missing',
    });
    expect(await statFileInside(join(runs, 'nowhere'), 'run.json')).toMatchObject({
      reason: 'missing',
    });
    // Containment is judged on real paths: `..` out of the directory is outside too.
    expect(await statFileInside(join(runs, 'good'), '../../secret.json')).toMatchObject({
      reason: 'outside',
    });
  });
});

describe('readFileInside and readRecordFile', () => {
  it('read a file inside its directory, with the version of the bytes read', async () => {
    const read = await readFileInside(join(runs, 'good'), 'copy.json');
    expect(read.ok && read.bytes.toString()).toBe('{"name":"copy"}');
    const record = await readRecordFile(join(runs, 'good'), 'copy.json');
    expect(record).toMatchObject({ ok: true, value: { name: 'copy' } });
    const stat = await statFileInside(join(runs, 'good'), 'copy.json');
    expect(record.ok && stat.ok && record.version === stat.version).toBe(true);
  });

  it('never open a link out, a pipe (which would block) or a file over the limit', async () => {
    for (const name of ['link-out', 'link-text', 'fifo', 'dir-record']) {
      const read = await readRecordFile(join(runs, name), 'run.json');
      expect(read.ok).toBe(false);
      expect(JSON.stringify(read)).not.toContain('SECRET');
    }
    expect(await readFileInside(join(runs, 'good'), 'copy.json', { maxBytes: 4 })).toMatchObject({
      reason: 'too-large',
    });
  });

  it('read JSON that starts with a byte order mark', async () => {
    await writeFile(join(runs, 'good', 'bom.json'), '\uFEFF{"name":"bom"}');
    expect(await readRecordFile(join(runs, 'good'), 'bom.json')).toMatchObject({
      ok: true,
      value: { name: 'bom' },
    });
  });

  it('say a file is not JSON without quoting it', async () => {
    const read = await readRecordFile(join(runs, 'cut'), 'run.json');
    expect(read).toMatchObject({ ok: false, reason: 'invalid-json' });
    expect(read.ok === false && read.message).toMatch(
      /^run\.json is not valid JSON( \(at character \d+\))?: the file is damaged or was cut short$/,
    );
  });
});

describe('listRecordDirectories', () => {
  it('lists the folders holding the record, with a version or why each is refused', async () => {
    const listed = await listRecordDirectories(runs, 'run');
    expect(listed.map((entry) => [entry.name, entry.record.ok || entry.record.reason])).toEqual([
      ['cut', true],
      ['dir-record', 'not-a-file'],
      ['fifo', 'not-a-file'],
      ['good', true],
      ['good-alias', true],
      ['inner-link', true],
      ['link-out', 'outside'],
      ['link-text', 'outside'],
    ]);
    // By real path: an alias is the folder it links to.
    expect(listed.find((entry) => entry.name === 'good-alias')?.dir).toBe(join(runs, 'good'));
  });

  it('lists nothing for a root that is not there, and other kinds by their own file', async () => {
    expect(await listRecordDirectories(join(root, 'nowhere'), 'run')).toEqual([]);
    expect(await listRecordDirectories(runs, 'experiment')).toEqual([]);
    await mkdir(join(root, 'sweeps', 's1'), { recursive: true });
    await writeFile(join(root, 'sweeps', 's1', 'sweep.json'), '{}');
    expect((await listRecordDirectories(join(root, 'sweeps'), 'sweep')).map((e) => e.name)).toEqual(
      ['s1'],
    );
  });
});

describe('the CLI readers go through the same rules', () => {
  it('readRunRecord refuses a run.json that links out of its directory, without reading it', async () => {
    await expect(readRunRecord(join(runs, 'link-out'))).rejects.toThrow(
      /cannot read the run record .*link-out.*run\.json: run\.json is a link to a file outside its directory: refused, not read\. Copy the file/,
    );
    await expect(readRunRecord(join(runs, 'fifo'))).rejects.toThrow(/named pipe/);
  });
});

describe('mapConcurrently', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapConcurrently([5, 1, 3, 2, 4], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, n));
      running -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(most).toBe(2);
  });
});
