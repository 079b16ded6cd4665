// Issue 18, items 8 and 9: checkpoint contents are checked, not trusted; resume keeps the
// `interrupted` event.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRun } from '@fmnist/runs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyData, tinyMlp, trainTinyRun } from '../test/tiny-runs.js';
import { TrainError } from './errors.js';
import { resume } from './resume.js';
import { selectBackend } from './select-backend.js';

const data = tinyData(200, 50);
let root: string;
let interrupted: string;

/** A run of 3 epochs interrupted after its first. */
async function interruptedRun(name: string): Promise<string> {
  const spec = tinyMlp({ name: 'adam' }, { hidden: [] });
  const options = { spec, data, epochs: 3, seed: 3, validation: 'none', stopAfter: 1 } as const;
  return (await trainTinyRun(root, name, options)).dir;
}

async function copyOf(name: string): Promise<string> {
  const dir = join(root, name);
  await cp(interrupted, dir, { recursive: true });
  return dir;
}

async function resumeError(dir: string): Promise<TrainError> {
  const run = await openRun(dir, { lock: false });
  const error = await resume(run, { data }).catch((e: unknown) => e);
  if (TrainError.isInstance(error)) return error;
  throw new Error(`expected a TrainError, got ${String(error)}`);
}

beforeAll(async () => {
  await selectBackend('wasm');
  root = await mkdtemp(join(tmpdir(), 'fmnist-checkpoint-integrity-'));
  interrupted = await interruptedRun('interrupted');
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('checkpoint integrity', () => {
  it('records a sha256 of the optimizer state and refuses one flipped byte', async () => {
    const dir = await copyOf('flipped');
    const state = JSON.parse(await readFile(join(dir, 'checkpoint', 'state.json'), 'utf8'));
    expect(state.optimizer.sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dir, 'checkpoint', 'optimizer.bin');
    const bytes = await readFile(file);
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x40;
    await writeFile(file, bytes);
    const error = await resumeError(dir);
    expect(error.code).toBe('CHECKPOINT_INVALID');
    expect(error.message).toMatch(/optimizer\.bin does not have the checksum its state recorded/);
    expect(error.message).not.toMatch(/NaN|learning rate/);
  });

  it.each([9, -5, 1.5])('refuses a state.json whose epoch is %s', async (epoch) => {
    const dir = await copyOf(`epoch-${epoch}`);
    const path = join(dir, 'checkpoint', 'state.json');
    const state = JSON.parse(await readFile(path, 'utf8'));
    state.epoch = epoch;
    await writeFile(path, JSON.stringify(state));
    const error = await resumeError(dir);
    expect(error.code).toBe('CHECKPOINT_INVALID');
  });

  it("refuses a checkpoint past the run's epochs even when its history agrees", async () => {
    const dir = await copyOf('past-the-end');
    const path = join(dir, 'checkpoint', 'state.json');
    const state = JSON.parse(await readFile(path, 'utf8'));
    state.epoch = 9;
    state.history = Array.from({ length: 9 }, (_, i) => ({ ...state.history[0], epoch: i + 1 }));
    await writeFile(path, JSON.stringify(state));
    expect((await resumeError(dir)).message).toMatch(/says epoch 9, past the run's 3 epochs/);
  });

  it('keeps the interrupted event on resume', async () => {
    const dir = await copyOf('keeps-event');
    const before = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8'));
    expect(before.events.map((e: { type: string }) => e.type)).toContain('interrupted');
    const run = await openRun(dir, { lock: false });
    const result = await resume(run, { data });
    expect(result.status).toBe('completed');
    const after = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8'));
    expect(after.events.map((e: { type: string }) => e.type)).toContain('interrupted');
    expect(after.history).toHaveLength(3);
  }, 60_000);
});
