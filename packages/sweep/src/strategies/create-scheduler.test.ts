import { describe, expect, it } from 'vitest';
import type { Configuration } from './configuration.js';
import {
  createScheduler,
  listRungs,
  type SweepJob,
  type SweepScheduler,
} from './create-scheduler.js';

const configurations: Configuration[] = Array.from({ length: 9 }, (_, index) => ({
  index,
  id: `c${String(index).padStart(2, '0')}`,
  params: { learningRate: (index + 1) / 100 },
}));

/** Runs a sweep to the end with `slots` jobs at once, finishing the oldest first. */
function drain(
  scheduler: SweepScheduler,
  score: (job: SweepJob) => number | 'diverged',
  slots = 1,
): SweepJob[] {
  const started: SweepJob[] = [];
  const running: SweepJob[] = [];
  for (;;) {
    while (running.length < slots) {
      const step = scheduler.next();
      if (step.type !== 'job') break;
      started.push(step.job);
      running.push(step.job);
    }
    const job = running.shift();
    if (!job) {
      expect(scheduler.next().type).toBe('done');
      return started;
    }
    const value = score(job);
    scheduler.report(
      job.id,
      value === 'diverged'
        ? { status: 'failed', reason: 'loss NaN' }
        : { status: 'completed', valAccuracy: value },
    );
  }
}

const byLearningRate = (job: SweepJob) =>
  (job.configuration.params.learningRate as number) + job.epochs / 1000;

describe('listRungs', () => {
  it('grows by the reduction factor and ends at maxEpochs', () => {
    expect(listRungs(2, 20, 3)).toEqual([2, 6, 20]);
    expect(listRungs(1, 3, 3)).toEqual([1, 3]);
    expect(listRungs(1, 27, 3)).toEqual([1, 3, 9, 27]);
    expect(listRungs(5, 5, 3)).toEqual([5]);
  });
});

describe('createScheduler', () => {
  it('fixed: every configuration with every seed, once, with deterministic job ids', () => {
    const scheduler = createScheduler({
      configurations: configurations.slice(0, 2),
      seeds: [0, 1],
      mode: 'fixed',
      epochsOf: () => 4,
    });
    const jobs = drain(scheduler, () => 0.5);
    expect(jobs.map((job) => job.id)).toEqual(['c00-s0-e4', 'c00-s1-e4', 'c01-s0-e4', 'c01-s1-e4']);
    expect(jobs.every((job) => job.fromEpochs === 0)).toBe(true);
  });

  it('halving: promotes the best third of each whole rung, extending their runs', () => {
    const scheduler = createScheduler({
      configurations,
      seeds: [0],
      mode: 'halving',
      minEpochs: 1,
      maxEpochs: 9,
    });
    const jobs = drain(scheduler, byLearningRate, 3);
    const at = (epochs: number) =>
      jobs.filter((job) => job.epochs === epochs).map((job) => job.configuration.id);
    expect(at(1)).toHaveLength(9);
    expect(at(3)).toEqual(['c08', 'c07', 'c06']);
    expect(at(9)).toEqual(['c08']);
    expect(jobs.find((job) => job.id === 'c08-s0-e9')?.fromEpochs).toBe(3);
  });

  it('asha: promotes before a rung is whole, and the best still reaches maxEpochs', () => {
    const scheduler = createScheduler({
      configurations,
      seeds: [0],
      mode: 'asha',
      minEpochs: 1,
      maxEpochs: 9,
    });
    const jobs = drain(scheduler, byLearningRate, 1);
    const ids = jobs.map((job) => job.id);
    // After three at rung 0 the best of them (c02) is promoted at once.
    expect(ids.slice(0, 4)).toEqual(['c00-s0-e1', 'c01-s0-e1', 'c02-s0-e1', 'c02-s0-e3']);
    expect(ids).toContain('c08-s0-e9');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the same results give the same jobs, so local and distributed sweeps agree', () => {
    const plan = () =>
      createScheduler({
        configurations,
        seeds: [0, 1],
        mode: 'halving',
        minEpochs: 2,
        maxEpochs: 20,
      });
    expect(drain(plan(), byLearningRate, 1).map((j) => j.id)).toEqual(
      drain(plan(), byLearningRate, 4).map((j) => j.id),
    );
  });

  it('a diverged run fails its configuration: never promoted, its other seeds not started, never retried', () => {
    const scheduler = createScheduler({
      configurations: configurations.slice(0, 3),
      seeds: [0, 1],
      mode: 'halving',
      minEpochs: 1,
      maxEpochs: 3,
    });
    // c02 has the highest learning rate and diverges.
    const jobs = drain(scheduler, (job) =>
      job.configuration.id === 'c02' ? 'diverged' : byLearningRate(job),
    );
    const ids = jobs.map((job) => job.id);
    expect(ids).toEqual([
      'c00-s0-e1',
      'c00-s1-e1',
      'c01-s0-e1',
      'c01-s1-e1',
      'c02-s0-e1',
      'c01-s0-e3',
      'c01-s1-e3',
    ]);
    const c02 = scheduler.states()[2];
    expect(c02?.failure).toBe('loss NaN');
  });

  it('carries on from results read back after a restart', () => {
    const first = createScheduler({
      configurations: configurations.slice(0, 3),
      seeds: [0],
      mode: 'halving',
      minEpochs: 1,
      maxEpochs: 3,
    });
    const all = drain(first, byLearningRate).map((job) => job.id);
    const restarted = createScheduler({
      configurations: configurations.slice(0, 3),
      seeds: [0],
      mode: 'halving',
      minEpochs: 1,
      maxEpochs: 3,
    });
    for (const id of all.slice(0, 2)) {
      const job = {
        configuration: configurations[Number(id.slice(1, 3))] as Configuration,
        epochs: 1,
      } as SweepJob;
      restarted.report(id, { status: 'completed', valAccuracy: byLearningRate(job) });
    }
    expect(drain(restarted, byLearningRate).map((job) => job.id)).toEqual(all.slice(2));
    expect(() => restarted.report('c09-s0-e1', { status: 'completed', valAccuracy: 1 })).toThrow(
      /no job of this sweep/,
    );
  });
});
