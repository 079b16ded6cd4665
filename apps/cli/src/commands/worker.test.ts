// Issue 20: `fmnist sweep --queue` with two `fmnist worker` processes on a real redis-server
// (127.0.0.1, a free port, persisting nothing) gives the table a local sweep of the same seeds
// gives, and records each trial's worker with the backend selectBackend chose, not the flag.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { parseRunRecord, parseSweepRecord, type SweepRecord } from '@fmnist/metrics';
import { startRedis } from '@fmnist/queue/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../../test/run-cli.js';

let dataDir: string;
let redis: Awaited<ReturnType<typeof startRedis>>;
const workers: { child?: ChildProcess; done: Promise<CliResult>; stderr: () => string }[] = [];

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
  redis = await startRedis();
});
afterAll(async () => {
  for (const worker of workers) worker.child?.kill('SIGKILL');
  await Promise.all(workers.map((worker) => worker.done.catch(() => {})));
  await redis?.stop();
});

const SWEEP = ['sweep', 'sgd-momentum', '--strategy', 'random', '--trials', '2', '--seeds', '2'];

/** Start `fmnist worker` on the test's Redis, writing its runs under `out`. */
function startWorker(out: string) {
  let text = '';
  const worker: (typeof workers)[number] = {
    stderr: () => text,
    done: runCli(['worker', '--queue', redis.url, '--out', out, '--data-dir', dataDir], {
      onStderr: (chunk, child) => {
        text += chunk;
        worker.child = child;
      },
    }),
  };
  workers.push(worker);
  return worker;
}

const rowsOf = (sweep: SweepRecord) =>
  sweep.table.map(({ configurationId, params, seeds, epochs, status, valAccuracy, valLoss }) => ({
    configurationId,
    params,
    seeds,
    epochs,
    status,
    valAccuracy,
    valLoss,
  }));

describe('fmnist worker', () => {
  it('two workers on one Redis: the table of a local sweep, each trial recorded with the backend it ran on', async () => {
    const local = await runCli([
      ...SWEEP,
      '--epochs',
      '2',
      '--jobs',
      '2',
      '--data-dir',
      dataDir,
      '--out',
      await mkdtemp(join(tmpdir(), 'fmnist-cli-sweep-local-')),
      '--json',
    ]);
    expect(local.code, local.stderr).toBe(0);
    const localSweep = parseSweepRecord(local.stdout);

    const out = await mkdtemp(join(tmpdir(), 'fmnist-cli-sweep-queue-'));
    const a = startWorker(out);
    const b = startWorker(out);
    const queued = await runCli([
      ...SWEEP,
      '--epochs',
      '2',
      '--jobs',
      '2',
      '--queue',
      redis.url,
      '--data-dir',
      dataDir,
      '--out',
      out,
      '--json',
    ]);
    expect(queued.code, `${queued.stderr}\n${a.stderr()}\n${b.stderr()}`).toBe(0);
    const queuedSweep = parseSweepRecord(queued.stdout);
    expect(queuedSweep.runner.kind).toBe('queue');
    expect(rowsOf(queuedSweep)).toEqual(rowsOf(localSweep));

    const [name] = await readdir(out);
    for (const run of queuedSweep.runs) {
      const record = parseRunRecord(
        await readFile(join(out, name as string, run.path, 'run.json'), 'utf8'),
      );
      expect(run.worker?.backend).not.toBe('auto');
      expect(run.worker?.backend).toBe(record.environment.backend.name);
    }
    for (const worker of [a, b]) expect(worker.stderr()).toMatch(/Backend: \w+ — /);
  }, 240_000);
});
