import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyImages } from '@fmnist/dataset/testing';
import { createRun, readRunRecord } from '@fmnist/runs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRunModel } from './read-run.js';
import { selectBackend } from './select-backend.js';
import { train } from './train.js';

const spec = {
  inputShape: [784],
  layers: [
    { type: 'dense', units: 8, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  optimizer: { name: 'adam' },
  loss: 'categoricalCrossentropy',
};
const data = { train: makeTinyImages(200, { seed: 1 }), test: makeTinyImages(50, { seed: 2 }) };

let root: string;
beforeAll(async () => {
  await selectBackend('wasm');
  root = await mkdtemp(join(tmpdir(), 'fmnist-read-run-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadRunModel', () => {
  it('load a completed run from model/ and an interrupted one from its checkpoint', async () => {
    const done = await createRun(root, 'done');
    await train({ spec, data, epochs: 1, batchSize: 50, run: done });
    await done.close();
    expect((await done.readRecord()).status).toBe('completed');
    expect((await loadRunModel(done, await done.readRecord())).from).toBe('model');

    const stopped = await createRun(root, 'stopped', { lock: false });
    const controller = new AbortController();
    await train({
      spec,
      data,
      epochs: 3,
      batchSize: 50,
      run: stopped,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'epoch') controller.abort();
      },
    });
    const record = await stopped.readRecord();
    expect(record.status).toBe('interrupted');
    expect(await loadRunModel(stopped, record)).toMatchObject({ from: 'checkpoint', epoch: 1 });
  });

  it('say what is wrong with a directory that is not a run', async () => {
    await expect(readRunRecord(join(root, 'nowhere'))).rejects.toThrow(/found none at .*run\.json/);
    const broken = (await createRun(root, 'broken', { lock: false })).dir;
    await writeFile(join(broken, 'run.json'), '{"schemaVersion": 1}');
    await expect(readRunRecord(broken)).rejects.toThrow(/is not a valid run record/);
  });
});
