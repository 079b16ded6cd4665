import { describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import { buildCurveData } from './build-curve-data.js';
import { PUBLISHED_BASELINES, referenceLines } from './reference-lines.js';

describe('buildCurveData', () => {
  it('overlays runs on shared epochs, training and validation of each', () => {
    const longer = minimalRun({
      name: 'longer',
      history: [1, 2, 3].map((epoch) => ({
        epoch,
        loss: 1 / epoch,
        accuracy: 0.3 * epoch,
        seconds: 1,
      })),
    });
    const data = buildCurveData(
      [
        { name: 'first', record: minimalRun() },
        { name: 'longer', record: longer },
      ],
      'loss',
    );
    expect(data.epochs).toEqual([1, 2, 3]);
    expect(data.series.map((s) => [s.label, s.kind, s.run])).toEqual([
      ['first train loss', 'train', 0],
      ['first validation loss', 'validation', 0],
      ['longer train loss', 'train', 1],
    ]);
    expect(data.series[0]?.values).toEqual([1, 0.5, null]);
  });

  it('adds the notebook reference of each preset and the published baselines to accuracy', () => {
    const data = buildCurveData(
      [
        { name: 'x', record: minimalRun() },
        { name: 'y', record: minimalRun() },
        { name: 'z', record: minimalRun({ preset: 'unknown' }) },
      ],
      'accuracy',
    );
    const references = data.series.filter((s) => s.kind === 'reference');
    expect(references.map((s) => s.values[0])).toEqual([0.8884, 0.897, 0.871, 0.835]);
    expect(references[0]?.label).toContain('model 1');
  });

  it('lists the published baselines even with no preset', () => {
    expect(referenceLines([undefined])).toEqual(PUBLISHED_BASELINES);
  });
});
