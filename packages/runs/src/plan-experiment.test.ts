import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExperiment } from './open-experiment.js';
import { decideExperimentStatus, newExperimentFile, planExperiment } from './plan-experiment.js';

const config = {
  presets: ['mlp-adam', 'mlp-sgd'],
  seeds: [0],
  epochs: 2,
  batchSize: 50,
  validation: 'test' as const,
  backend: 'auto',
  dataDir: '/data',
};

describe('planExperiment', () => {
  it("finds each planned run's newest directory; one without a readable record starts again", async () => {
    const experiment = await createExperiment(
      await mkdtemp(join(tmpdir(), 'fmnist-plan-')),
      'notebook',
    );
    const done = join(experiment.paths.runs, 'mlp-adam-seed0-20260101-120000');
    await mkdir(done, { recursive: true });
    // Only the status matters to the plan; an unreadable record counts as none.
    await writeFile(join(done, 'run.json'), '{}');
    const plan = await planExperiment(experiment, config);
    expect(plan.tasks.map((task) => [task.run.name, task.action])).toEqual([
      ['mlp-adam-seed0', 'start'],
      ['mlp-sgd-seed0', 'start'],
    ]);
    expect(plan.runs[0]?.dir).toBe(done);
    expect(plan.runs[0]?.record).toBeUndefined();
  });

  it("writes a new experiment's record with the notebook's figures, and decides its status", async () => {
    const file = newExperimentFile({ id: 'x', suite: 'notebook', config });
    expect(file).toMatchObject({ status: 'running', runs: [], config });
    expect(Object.keys(file.references)).toEqual(['mlp-adam', 'mlp-sgd']);
    expect(decideExperimentStatus({ interrupted: true, failed: 1 })).toBe('interrupted');
    expect(decideExperimentStatus({ interrupted: false, failed: 1 })).toBe('failed');
    expect(decideExperimentStatus({ interrupted: false, failed: 0 })).toBe('completed');
  });
});
