import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRun, readRunRecord } from '@fmnist/runs';
import { describe, expect, it } from 'vitest';
import { tinyData, tinyMlp, trainTinyRun, useRunsRoot } from '../test/tiny-runs.js';
import { loadRunModel } from './read-run.js';

const spec = tinyMlp({ name: 'adam' }, { hidden: [8] });
const data = tinyData(200, 50);
const root = useRunsRoot('read-run');

describe('loadRunModel', () => {
  it('load a completed run from model/ and an interrupted one from its checkpoint', async () => {
    const done = await trainTinyRun(root(), 'done', { spec, data, epochs: 1 });
    expect((await done.readRecord()).status).toBe('completed');
    expect((await loadRunModel(done, await done.readRecord())).from).toBe('model');

    const stopped = await trainTinyRun(root(), 'stopped', { spec, data, epochs: 3, stopAfter: 1 });
    const record = await stopped.readRecord();
    expect(record.status).toBe('interrupted');
    expect(await loadRunModel(stopped, record)).toMatchObject({ from: 'checkpoint', epoch: 1 });
  });

  it('say what is wrong with a directory that is not a run', async () => {
    await expect(readRunRecord(join(root(), 'nowhere'))).rejects.toThrow(
      /found none at .*run\.json/,
    );
    const broken = (await createRun(root(), 'broken', { lock: false })).dir;
    await writeFile(join(broken, 'run.json'), '{"schemaVersion": 1}');
    await expect(readRunRecord(broken)).rejects.toThrow(/is not a valid run record/);
  });
});
