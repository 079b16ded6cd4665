import { describe, expect, it } from 'vitest';
import { getBuiltInSpace } from '../space/get-built-in-space.js';
import { validateSearchSpace } from '../space/validate-search-space.js';
import { planSweep } from './plan-sweep.js';

describe('planSweep', () => {
  it('fills in the defaults the record keeps: random, 8 trials, one seed, the space’s epochs', () => {
    const plan = planSweep(getBuiltInSpace('sgd-momentum'));
    expect(plan.options).toEqual({
      strategy: 'random',
      trials: 8,
      seeds: [0],
      epochs: 20,
      seed: 0,
      holdoutSeed: 0,
    });
    expect(plan.configurations).toHaveLength(8);
  });

  it('plans ASHA from 2 to 20 epochs for 16 configurations × 2 seeds, the same plan every time', () => {
    const request = { strategy: 'asha', trials: 16, seeds: 2, epochs: 20 } as const;
    const plan = planSweep(getBuiltInSpace('sgd-momentum'), request);
    expect(plan.options).toMatchObject({ minEpochs: 2, reductionFactor: 3, seeds: [0, 1] });
    expect(plan.createScheduler().rungs).toEqual([2, 6, 20]);
    expect(planSweep(getBuiltInSpace('sgd-momentum'), request).configurations).toEqual(
      plan.configurations,
    );
  });

  it('takes a configuration’s own epochs under grid and random', () => {
    const space = validateSearchSpace({
      name: 'e',
      preset: 'mlp-sgd',
      parameters: { epochs: [1, 3] },
    });
    const scheduler = planSweep(space, { strategy: 'grid' }).createScheduler();
    const first = scheduler.next();
    const second = scheduler.next();
    expect([first, second].map((step) => (step.type === 'job' ? step.job.id : step.type))).toEqual([
      'c00-s0-e1',
      'c01-s0-e3',
    ]);
  });

  it('refuses what does not fit', () => {
    const space = getBuiltInSpace('sgd-momentum');
    expect(() => planSweep(space, { strategy: 'asha', epochs: 3, minEpochs: 4 })).toThrow(
      '--min-epochs 4 is above --epochs 3: the first rung must not train longer than the last',
    );
    expect(() => planSweep(space, { trials: 0 })).toThrow(
      '--trials must be a positive integer, got 0',
    );
    const withEpochs = validateSearchSpace({
      name: 'e',
      preset: 'mlp-sgd',
      parameters: { epochs: [1, 3] },
    });
    expect(() => planSweep(withEpochs, { strategy: 'asha' })).toThrow(
      /^parameters\.epochs: asha sets each trial's epochs itself/,
    );
  });
});
