import { describe, expect, it } from 'vitest';
import { flatPixels, minimalRun, sample } from '../../test/minimal-run.js';
import { decodePixels } from './decode-pixels.js';
import { heatmapCells } from './heatmap-cells.js';
import { mistakes } from './mistakes.js';
import { samplesForCell } from './samples-for-cell.js';
import { topClasses } from './top-classes.js';

describe('heatmapCells', () => {
  it('shades by the share of the row, 0 for an empty row', () => {
    const cells = heatmapCells([
      [3, 1],
      [0, 0],
    ]);
    expect(cells.flat().map((c) => [c.row, c.col, c.count, c.share])).toEqual([
      [0, 0, 3, 0.75],
      [0, 1, 1, 0.25],
      [1, 0, 0, 0],
      [1, 1, 0, 0],
    ]);
  });
});

describe('samples', () => {
  const samples = minimalRun().samples ?? [];

  it('finds a cell’s images once each, whatever their kind', () => {
    expect(samplesForCell(samples, 0, 1).map((s) => s.index)).toEqual([1]);
    expect(samplesForCell(samples, 0, 0).map((s) => s.index)).toEqual([3]);
    expect(samplesForCell(samples, 2, 2)).toEqual([]);
  });

  it('lists mistakes most confident first', () => {
    expect(mistakes([...samples, sample(9, 2, 0, 'mistake', 0.5)]).map((s) => s.index)).toEqual([
      2, 1, 9,
    ]);
  });

  it('decodes 28×28 pixels and refuses damaged ones', () => {
    expect(decodePixels(flatPixels(7))).toEqual(new Uint8Array(784).fill(7));
    expect(() => decodePixels('AAAA')).toThrow(/expected 784 pixels/);
    expect(() => decodePixels('***')).toThrow(/base64/);
  });

  it('ranks the top classes', () => {
    expect(topClasses([0.1, 0.6, 0.3], ['a', 'b'], 2)).toEqual([
      { index: 1, name: 'b', probability: 0.6 },
      { index: 2, name: 'class 2', probability: 0.3 },
    ]);
  });
});
