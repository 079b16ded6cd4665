import { describe, expect, it } from 'vitest';
import { compareClasses } from './compare-classes.js';
import { axisPosition, axisTicks, hparamAxes } from './hparam-axes.js';
import { runColour } from './run-colour.js';
import { smoothSeries } from './smooth-series.js';

describe('hparamAxes', () => {
  const runs = [
    { optimizer: 'adam', learningRate: 0.0001, seed: 0, batchSize: 200 },
    { optimizer: 'sgd', learningRate: 0.01, seed: 0, batchSize: 200 },
    { optimizer: 'adam', learningRate: 0.1, seed: 0, batchSize: 200 },
  ];
  it('keeps the parameters that differ, learning rates on a log axis', () => {
    const axes = hparamAxes(runs);
    expect(axes.map((a) => a.name)).toEqual(['optimizer', 'learningRate']);
    const lr = axes[1];
    expect(lr).toMatchObject({ kind: 'number', log: true });
    if (!lr) throw new Error('no axis');
    expect(axisPosition(lr, 0.01)).toBeCloseTo(2 / 3);
    expect(axisTicks(lr).map(([, label]) => label)).toEqual(['1.0e-4', '0.00316', '0.1']);
    expect(axisPosition(axes[0] as NonNullable<(typeof axes)[0]>, 'sgd')).toBe(1);
  });
  it('keeps a momentum drawn uniformly on a linear axis, though it spans a factor of 20', () => {
    const momenta = [0.00033, 0.32, 0.5, 0.64, 0.8, 0.899].map((momentum) => ({ momentum }));
    expect(hparamAxes(momenta)[0]).toMatchObject({ kind: 'number', log: false });
  });
  it('shows every parameter when none differs', () => {
    expect(hparamAxes([runs[0] as (typeof runs)[0]]).map((a) => a.name)).toEqual([
      'optimizer',
      'learningRate',
      'seed',
      'batchSize',
    ]);
  });
});

describe('smoothSeries', () => {
  it('is TensorBoard’s debiased moving average, gaps kept', () => {
    expect(smoothSeries([1, null, 3], 0)).toEqual([1, null, 3]);
    const smoothed = smoothSeries([1, 1, null, 1], 0.9);
    expect(smoothed[0]).toBeCloseTo(1);
    expect(smoothed[1]).toBeCloseTo(1);
    expect(smoothed[2]).toBeNull();
    const [a, b] = smoothSeries([0, 10], 0.5);
    expect(a).toBe(0);
    expect(b).toBeCloseTo((10 * 0.5) / 0.75);
  });
});

describe('compareClasses', () => {
  const report = (f1: number[]) => ({
    classificationReport: {
      classes: f1.map((v, i) => ({ name: `c${i}`, precision: v, recall: v, f1: v, support: 10 })),
      accuracy: 0.5,
      macroAvg: { precision: 0, recall: 0, f1: 0, support: 0 },
      weightedAvg: { precision: 0, recall: 0, f1: 0, support: 0 },
      support: 20,
    },
  });
  it('lines classes up across runs with differences from the first', () => {
    const rows = compareClasses([report([0.5, 0.9]), report([0.6, 0.8])] as never, 'f1');
    expect(rows.map((r) => r.name)).toEqual(['c0', 'c1']);
    expect(rows[0]?.differences[1]).toBeCloseTo(0.1);
    expect(rows[1]?.differences[1]).toBeCloseTo(-0.1);
    expect(rows[0]?.differences[0]).toBeNull();
  });
});

describe('runColour', () => {
  it('gives the first 40 runs different colours', () => {
    const colours = Array.from({ length: 40 }, (_, i) => runColour(i));
    expect(new Set(colours).size).toBe(40);
  });
});
