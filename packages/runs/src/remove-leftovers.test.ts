import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRun } from './open-run.js';

describe('opening a run for writing removes what crashed writes left', () => {
  it('removes run.json and report.md temporaries, model temporaries and checkpoint.tmp', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-leftovers-'));
    await mkdir(join(dir, 'model'));
    await mkdir(join(dir, 'checkpoint', 'model'), { recursive: true });
    await mkdir(join(dir, 'checkpoint.tmp', 'model'), { recursive: true });
    const keep = [
      'run.json',
      'report.md',
      'model/model.json',
      'model/weights.bin',
      'checkpoint/state.json',
    ];
    const leftovers = [
      'run.json.tmp-1a2b3c4d',
      'run.json.3f9e01aa',
      'report.md.77aa0b1c',
      'model/.weights.bin.1b4e28ba-2fa1-11d2-883f-0016d3cca427.tmp',
      'checkpoint/model/.model.json.1b4e28ba-2fa1-11d2-883f-0016d3cca427.tmp',
    ];
    for (const file of [...keep, ...leftovers]) await writeFile(join(dir, file), 'x');
    const run = await openRun(dir);
    await run.close();
    const left = (await readdir(dir, { recursive: true })).sort();
    for (const file of leftovers) expect(left).not.toContain(file);
    expect(left).not.toContain('checkpoint.tmp');
    for (const file of keep) expect(left).toContain(file);
  });

  it('leaves them alone when opened only to read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-leftovers-'));
    await writeFile(join(dir, 'run.json.tmp-1a2b3c4d'), 'x');
    await openRun(dir, { lock: false });
    expect(await readdir(dir)).toContain('run.json.tmp-1a2b3c4d');
  });
});
