import { describe, expect, it } from 'vitest';
import { getBuiltInSpace } from '../space/get-built-in-space.js';
import { validateSearchSpace } from '../space/validate-search-space.js';
import { countGridPoints, planGrid } from './plan-grid.js';

describe('planGrid', () => {
  it('spans the built-in space: 4 log-spaced learning rates × 4 momenta × Nesterov on/off', () => {
    const space = getBuiltInSpace('sgd-momentum');
    const grid = planGrid(space);
    expect(grid).toHaveLength(32);
    expect(countGridPoints(space)).toBe(32);
    expect(new Set(grid.map((c) => c.params.learningRate))).toEqual(
      new Set([0.001, 0.006694, 0.04481, 0.3]),
    );
    expect(new Set(grid.map((c) => c.params.momentum))).toEqual(new Set([0, 0.33, 0.66, 0.99]));
    expect(grid[0]).toEqual({
      index: 0,
      id: 'c00',
      params: { learningRate: 0.001, momentum: 0, nesterov: false },
    });
    expect(grid[1]?.params).toEqual({ learningRate: 0.001, momentum: 0, nesterov: true });
  });

  it('takes a seeded subset in grid order when asked for fewer trials', () => {
    const space = getBuiltInSpace('sgd-momentum');
    const a = planGrid(space, { trials: 5, seed: 3 });
    expect(a).toEqual(planGrid(space, { trials: 5, seed: 3 }));
    expect(a.map((c) => c.id)).toEqual(['c00', 'c01', 'c02', 'c03', 'c04']);
    expect(a.map((c) => c.params)).not.toEqual(
      planGrid(space, { trials: 5, seed: 4 }).map((c) => c.params),
    );
  });

  it('refuses more trials than the grid has, and ranges without points', () => {
    const space = getBuiltInSpace('sgd-momentum');
    expect(() => planGrid(space, { trials: 33 })).toThrow(
      '--trials 33 asks for more trials than the grid of sgd-momentum has (32: 4 learningRate × 4 momentum × 2 nesterov); ask for 32 or fewer, or add points',
    );
    const open = validateSearchSpace({
      name: 'open',
      preset: 'mlp-sgd',
      parameters: { momentum: { range: [0, 0.9] } },
    });
    expect(() => planGrid(open)).toThrow(/parameters.momentum is a range without "points"/);
  });

  it('rounds integer ranges to distinct whole numbers', () => {
    const space = validateSearchSpace({
      name: 'batch',
      preset: 'mlp-sgd',
      parameters: { batchSize: { logRange: [32, 256], points: 4 } },
    });
    expect(planGrid(space).map((c) => c.params.batchSize)).toEqual([32, 64, 128, 256]);
  });
});
