// Issue 18, items 5, 8 and 9: three `train --resume D` at once — one resumes, the others are
// refused at once naming the pid and host; the run ends as if resumed once. A deleted checkpoint
// is said to restart the run from scratch.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { RUN_FILES } from '@fmnist/runs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { interruptWhen, tinyTrainArgs } from '../train-tiny-run.js';

const EPOCHS = 200;
let dataDir: string;

/** A run of EPOCHS epochs interrupted with SIGINT during its first epochs. */
async function interruptedRun(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'fmnist-concurrent-'));
  const interrupt = interruptWhen(/^Epoch 1\//m);
  const first = await runCli(tinyTrainArgs(dataDir, EPOCHS, ['--out', out]), interrupt);
  expect(first.code).toBe(130);
  const [name] = await readdir(out);
  return join(out, name as string);
}

const readRecord = async (dir: string) =>
  JSON.parse(await readFile(join(dir, RUN_FILES.record), 'utf8'));

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 200, test: 60 });
});

describe('train --resume', () => {
  it('three at once: one resumes, two are refused at once with the pid and host, the run ends as if resumed once', async () => {
    const runDir = await interruptedRun();
    const before = await readRecord(runDir);
    const results = await Promise.all(
      [0, 1, 2].map(async () => {
        const started = performance.now();
        const result = await runCli(['train', '--resume', runDir]);
        return { ...result, seconds: (performance.now() - started) / 1000 };
      }),
    );
    const codes = results.map((r) => r.code).sort();
    expect(codes).toEqual([0, 1, 1]);
    const winner = results.find((r) => r.code === 0);
    for (const refused of results.filter((r) => r.code === 1)) {
      expect(refused.stderr).toMatch(/is in use by pid \d+ on host \S+/);
      expect(refused.stderr).not.toMatch(/check the disk|looks like a bug/);
      expect(refused.seconds).toBeLessThan(winner?.seconds ?? Number.POSITIVE_INFINITY);
    }
    const after = await readRecord(runDir);
    expect(after.status).toBe('completed');
    expect(after.history.map((h: { epoch: number }) => h.epoch)).toEqual(
      Array.from({ length: EPOCHS }, (_, i) => i + 1),
    );
    expect(after.history.slice(0, before.history.length)).toEqual(before.history);
    expect(after.events.filter((e: { type: string }) => e.type === 'interrupted')).toHaveLength(1);
    expect(await readdir(runDir)).not.toContain('checkpoint.tmp');
  }, 180_000);

  it('says plainly that a run whose checkpoint was deleted restarts from scratch', async () => {
    const runDir = await interruptedRun();
    const done = (await readRecord(runDir)).history.length;
    await rm(join(runDir, 'checkpoint'), { recursive: true, force: true });
    const result = await runCli(['train', '--resume', runDir]);
    expect(result.code).toBe(0);
    if (done > 0) {
      expect(result.stderr).toContain('The checkpoint is missing');
      expect(result.stderr).toContain('restarts from scratch');
      expect(result.stderr).not.toContain(`after epoch ${done}`);
    }
    expect((await readRecord(runDir)).history).toHaveLength(EPOCHS);
  }, 180_000);
});
