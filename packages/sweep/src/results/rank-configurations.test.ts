import { describe, expect, it } from 'vitest';
import { rankConfigurations, type TrialRun } from './rank-configurations.js';

const correct = (n: number, wrongAt: readonly number[]) =>
  Array.from({ length: n }, (_, i) => !wrongAt.includes(i));

function run(configurationId: string, seed: number, fields: Partial<TrialRun>): TrialRun {
  return {
    configurationId,
    params: { learningRate: 0.1 },
    seed,
    epochs: 3,
    status: 'completed',
    ...fields,
  };
}

describe('rankConfigurations', () => {
  it('ranks by epochs reached, then mean validation accuracy; failed last', () => {
    const rows = rankConfigurations([
      run('c00', 0, { valAccuracy: 0.8, epochs: 1 }),
      run('c01', 0, { valAccuracy: 0.7 }),
      run('c01', 1, { valAccuracy: 0.74 }),
      run('c02', 0, { status: 'failed', failure: 'the loss diverged (NaN) at epoch 1', epochs: 0 }),
      run('c03', 0, { valAccuracy: 0.75 }),
      run('c03', 1, { valAccuracy: 0.77 }),
    ]);
    expect(rows.map((row) => [row.rank, row.configurationId, row.status])).toEqual([
      [1, 'c03', 'completed'],
      [2, 'c01', 'completed'],
      [3, 'c00', 'completed'],
      [4, 'c02', 'failed'],
    ]);
    expect(rows[0]?.valAccuracy?.mean).toBeCloseTo(0.76, 12);
    expect(rows[0]?.valAccuracy?.std).toBeCloseTo(Math.sqrt(0.0002), 12);
    expect(rows[2]?.valAccuracy).toEqual({ mean: 0.8 });
    expect(rows[3]?.failure).toBe('the loss diverged (NaN) at epoch 1');
  });

  it("tests each top row against the best with McNemar's exact test on the shared holdout", () => {
    const rows = rankConfigurations([
      run('c00', 0, { valAccuracy: 0.9, valCorrect: correct(20, [0, 1]) }),
      run('c01', 0, { valAccuracy: 0.6, valCorrect: correct(20, [0, 1, 2, 3, 4, 5, 6, 7]) }),
    ]);
    expect(rows[1]?.mcnemar).toEqual({
      against: 'c00',
      seed: 0,
      aRightBWrong: 0,
      aWrongBRight: 6,
      bothRight: 12,
      bothWrong: 2,
      pValue: expect.closeTo(0.03125, 12),
    });
    expect(rows[0]?.mcnemar).toBeUndefined();
  });
});
