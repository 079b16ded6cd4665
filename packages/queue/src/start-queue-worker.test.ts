import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from '../test/start-test-worker.js';
import { createQueueRunner } from './create-queue-runner.js';
import type { Job, JobOutcome } from './job-runner.js';
import { startRedis } from './start-redis.js';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('a queue with two workers on a real redis-server', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let out: string;
  const workers: TestWorker[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    out = mkdtempSync(join(tmpdir(), 'fmnist-queue-'));
  });
  afterAll(async () => {
    for (const worker of workers) worker.process.kill('SIGKILL');
    await redis?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  const trial = (id: string, lr: number, epochs = 4): Job => ({
    id,
    args: [
      '--run-dir',
      join(out, id),
      '--epochs',
      String(epochs),
      '--ms',
      '250',
      '--lr',
      String(lr),
    ],
  });

  it('takes up a killed worker’s trial from its checkpoint, with the result a local run gives', async () => {
    const env = { FMNIST_TEST_QUEUE: redis.url, FMNIST_TEST_QUEUE_NAME: 'kill-test' };
    const a = await startTestWorker(env);
    const b = await startTestWorker(env);
    workers.push(a, b);
    const runner = await createQueueRunner({
      url: redis.url,
      queueName: 'kill-test',
      version: 'test',
    });
    const jobs = [
      trial('c00-s0-e4', 0.1),
      trial('c01-s0-e4', 0.2),
      trial('c02-s0-e4', 0.3),
      trial('c03-s0-e4', 5),
    ];
    const epochsSeen = new Map<string, number>();
    const started = Date.now();
    const outcomes = Promise.all(
      jobs.map((job) =>
        runner.run(job, {
          onEvent: (event) => {
            const { type, epoch } = event as { type: string; epoch?: number };
            if (type === 'epoch') epochsSeen.set(job.id, epoch ?? 0);
          },
        }),
      ),
    );
    // Kill worker a with SIGKILL once its first trial has a checkpoint (1 epoch of 4 done).
    const taken = (await a.waitFor((m) => m.type === 'child')) as { job: string; pid: number };
    expect(await waitUntil(() => (epochsSeen.get(taken.job) ?? 0) >= 1, 10_000)).toBe(true);
    a.process.kill('SIGKILL');
    // Its child watches the IPC channel and exits with it: no orphan goes on training.
    expect(await waitUntil(() => !isAlive(taken.pid), 3000)).toBe(true);

    const results = await outcomes;
    const seconds = (Date.now() - started) / 1000;
    const byId = new Map<string, JobOutcome>(results.map((outcome) => [outcome.id, outcome]));
    const killed = byId.get(taken.job);
    expect(killed?.status).toBe('completed');
    expect(killed?.worker?.pid).toBe(b.process.pid);
    // Resumed from its checkpoint, not restarted.
    expect(
      (killed?.record as { resumedFrom?: number } | undefined)?.resumedFrom,
    ).toBeGreaterThanOrEqual(1);
    for (const [i, lr] of [0.1, 0.2, 0.3].entries()) {
      const outcome = byId.get(jobs[i]?.id ?? '');
      expect(outcome?.status).toBe('completed');
      expect((outcome?.record as { valAccuracy?: number } | undefined)?.valAccuracy).toBe(
        1 - 1 / (1 + 4 * lr),
      );
    }
    // The diverged trial is a result: failed, with its record, not retried.
    const diverged = byId.get('c03-s0-e4');
    expect(diverged?.status).toBe('failed');
    expect(diverged?.error?.code).toBe('LOSS_NOT_FINITE');
    expect(b.messages.filter((m) => m.type === 'child' && m.job === 'c03-s0-e4')).toHaveLength(1);

    // A restarted controller gets the finished trial's result back without running it again.
    const again = await runner.run(jobs[0] as Job);
    expect(again).toEqual(byId.get('c00-s0-e4'));
    await runner.close();
    console.log(
      `distributed test: 4 trials on 2 workers, one killed mid-trial: ${seconds.toFixed(1)} s`,
    );
  });

  it('refuses, and records, a job of another fmnist version', async () => {
    const env = {
      FMNIST_TEST_QUEUE: redis.url,
      FMNIST_TEST_QUEUE_NAME: 'version-test',
      FMNIST_TEST_VERSION: '9.9.9',
    };
    workers.push(await startTestWorker(env));
    const runner = await createQueueRunner({
      url: redis.url,
      queueName: 'version-test',
      version: '0.1.0',
    });
    const outcome = await runner.run(trial('c00-s0-e1', 0.1, 1));
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.message).toMatch(
      /^refused by the worker on .+ \(pid \d+\): it runs fmnist 9\.9\.9, the job needs 0\.1\.0/,
    );
    await runner.close();
  });
});
