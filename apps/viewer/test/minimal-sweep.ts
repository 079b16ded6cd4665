import type { SweepRecordInput } from '@fmnist/metrics';

/** One trial of {@link minimalSweep}: its run directory (relative to the sweep's) and parameters. */
export interface MinimalTrial {
  path: string;
  params: Record<string, unknown>;
}

/**
 * A valid sweep.json (`@fmnist/metrics`' SweepRecord, schemaVersion 1) over the given trials, one
 * seed each, a random strategy, run locally: what `fmnist sweep` writes, with only the fields the
 * schema asks for.
 */
export function minimalSweep(
  trials: readonly MinimalTrial[],
  overrides: Partial<SweepRecordInput> = {},
): SweepRecordInput {
  const configurations = trials.map((trial, i) => ({
    id: `c${String(i).padStart(2, '0')}`,
    params: trial.params,
  }));
  return {
    schemaVersion: 1,
    id: 'sweep-test',
    name: 'lr-grid',
    createdAt: '2025-01-01T20:00:00.000Z',
    status: 'completed',
    space: { name: 'lr-grid', parameters: { learningRate: [0.001, 0.01] } },
    plan: {
      strategy: 'random',
      trials: trials.length,
      seeds: [0],
      epochs: 2,
      seed: 0,
      holdoutSeed: 0,
    },
    runner: { kind: 'local', jobs: 1 },
    configurations,
    runs: trials.map((trial, i) => ({
      configurationId: configurations[i]?.id ?? 'c00',
      seed: 0,
      path: trial.path,
      status: 'completed',
      epochs: 2,
    })),
    jobs: [],
    table: [],
    wallSeconds: 1,
    ...overrides,
  };
}
