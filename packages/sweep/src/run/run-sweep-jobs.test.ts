import { describe, expect, it } from 'vitest';
import type { Configuration } from '../strategies/configuration.js';
import { createScheduler, type SweepJob } from '../strategies/create-scheduler.js';
import { type RunnerOutcome, runSweepJobs, type SweepRunner } from './run-sweep-jobs.js';

const configurations: Configuration[] = Array.from({ length: 6 }, (_, index) => ({
  index,
  id: `c0${index}`,
  params: { learningRate: (index + 1) / 10 },
}));

/** A runner whose jobs take a little while and score by learning rate; it tracks concurrency. */
function createFakeRunner(
  fail: (id: string) => RunnerOutcome['status'] | 'diverged' | undefined = () => undefined,
) {
  let active = 0;
  const stats = { maxActive: 0, ran: [] as string[] };
  const runner: SweepRunner = {
    async run(job) {
      active += 1;
      stats.maxActive = Math.max(stats.maxActive, active);
      stats.ran.push(job.id);
      await new Promise((resolve) => setTimeout(resolve, 5 + (job.id.charCodeAt(2) % 3)));
      active -= 1;
      const lr = Number(job.args[1]);
      const how = fail(job.id);
      if (how === 'diverged') {
        return {
          id: job.id,
          status: 'failed',
          error: { message: 'loss NaN', code: 'LOSS_NOT_FINITE' },
        };
      }
      if (how) return { id: job.id, status: how, error: { message: 'worker crashed' } };
      return {
        id: job.id,
        status: 'completed',
        record: { metrics: { validation: { accuracy: lr } } },
      };
    },
  };
  return { runner, stats };
}

const toRunnerJob = (job: SweepJob) => ({
  id: job.id,
  args: ['--lr', String(job.configuration.params.learningRate), '--epochs', String(job.epochs)],
});
const toResult = (_job: SweepJob, outcome: RunnerOutcome) => {
  if (outcome.status === 'completed') {
    const accuracy = (outcome.record as { metrics: { validation: { accuracy: number } } }).metrics
      .validation.accuracy;
    return { status: 'completed' as const, valAccuracy: accuracy };
  }
  if (outcome.error?.code === 'LOSS_NOT_FINITE')
    return { status: 'failed' as const, reason: outcome.error.message };
  return undefined;
};

describe('runSweepJobs', () => {
  it('runs every job, never more than slots at once, and ASHA reaches the last rung', async () => {
    const scheduler = createScheduler({
      configurations,
      seeds: [0, 1],
      mode: 'asha',
      minEpochs: 1,
      maxEpochs: 3,
    });
    const { runner, stats } = createFakeRunner();
    const finished: string[] = [];
    const result = await runSweepJobs({
      scheduler,
      runner,
      slots: 3,
      toRunnerJob,
      toResult,
      onFinished: async (job) => {
        finished.push(job.id);
      },
    });
    expect(result).toEqual({ interrupted: false, unfinished: 0 });
    expect(stats.maxActive).toBeLessThanOrEqual(3);
    expect(stats.ran).toContain('c05-s0-e3');
    expect(finished.sort()).toEqual([...stats.ran].sort());
  });

  it('keeps a diverged trial as a result, and leaves a crashed one for --resume', async () => {
    const scheduler = createScheduler({
      configurations: configurations.slice(0, 3),
      seeds: [0],
      mode: 'fixed',
      epochsOf: () => 2,
    });
    const { runner } = createFakeRunner((id) =>
      id === 'c01-s0-e2' ? 'diverged' : id === 'c02-s0-e2' ? 'failed' : undefined,
    );
    const result = await runSweepJobs({ scheduler, runner, slots: 2, toRunnerJob, toResult });
    expect(result).toEqual({ interrupted: true, unfinished: 1 });
    expect(scheduler.states()[1]?.failure).toBe('loss NaN');
    expect(scheduler.states()[2]?.values.size).toBe(0);
  });

  it('starts nothing more once aborted', async () => {
    const scheduler = createScheduler({
      configurations,
      seeds: [0],
      mode: 'fixed',
      epochsOf: () => 1,
    });
    const { runner, stats } = createFakeRunner();
    const controller = new AbortController();
    const result = await runSweepJobs({
      scheduler,
      runner,
      slots: 2,
      toRunnerJob,
      toResult,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'started' && event.job.id === 'c01-s0-e1') controller.abort();
      },
    });
    expect(result.interrupted).toBe(true);
    expect(stats.ran).toEqual(['c00-s0-e1', 'c01-s0-e1']);
  });
});
