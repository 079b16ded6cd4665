import { describe, expect, it } from 'vitest';
import { getBuiltInSpace } from '../space/get-built-in-space.js';
import { validateSearchSpace } from '../space/validate-search-space.js';
import { sampleRandom } from './sample-random.js';

describe('sampleRandom', () => {
  it('draws the same configurations for the same seed, other ones for another', () => {
    const space = getBuiltInSpace('sgd-momentum');
    const a = sampleRandom(space, { trials: 16, seed: 7 });
    expect(a).toEqual(sampleRandom(space, { trials: 16, seed: 7 }));
    expect(a).not.toEqual(sampleRandom(space, { trials: 16, seed: 8 }));
    expect(a.map((c) => c.id)).toEqual(
      Array.from({ length: 16 }, (_, i) => `c${String(i).padStart(2, '0')}`),
    );
  });

  it('keeps every value inside its domain, log-uniform over a log-range', () => {
    const space = getBuiltInSpace('sgd-momentum');
    const draws = sampleRandom(space, { trials: 400, seed: 1 });
    for (const { params } of draws) {
      expect(params.learningRate).toBeGreaterThanOrEqual(0.001);
      expect(params.learningRate).toBeLessThanOrEqual(0.3);
      expect(params.momentum).toBeGreaterThanOrEqual(0);
      expect(params.momentum).toBeLessThanOrEqual(0.99);
      expect([true, false]).toContain(params.nesterov);
    }
    // Log-uniform: about half the draws fall below the geometric middle sqrt(0.001 * 0.3).
    const below = draws.filter((c) => (c.params.learningRate as number) < Math.sqrt(0.0003)).length;
    expect(below / draws.length).toBeGreaterThan(0.42);
    expect(below / draws.length).toBeLessThan(0.58);
  });

  it('refuses more trials than a discrete space has distinct configurations', () => {
    const space = validateSearchSpace({
      name: 'small',
      preset: 'mlp-sgd',
      parameters: { nesterov: [true, false], batchSize: { range: [32, 33] } },
    });
    expect(sampleRandom(space, { trials: 4 }).map((c) => c.params)).toHaveLength(4);
    expect(() => sampleRandom(space, { trials: 5 })).toThrow(
      '--trials 5 asks for more trials than small has distinct configurations (4); ask for 4 or fewer, or use the grid strategy',
    );
  });
});
