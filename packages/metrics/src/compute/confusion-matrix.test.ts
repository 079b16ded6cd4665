import { describe, expect, it } from 'vitest';
import { MetricsError } from '../errors/metrics-error.js';
import { formatConfusionMatrixMarkdown } from '../format/format-confusion-matrix-markdown.js';
import { formatConfusionMatrixText } from '../format/format-confusion-matrix-text.js';
import { confusionMatrix } from './confusion-matrix.js';
import { normalizeConfusion } from './normalize-confusion.js';

describe('confusionMatrix', () => {
  it("matches scikit-learn's docstring example", () => {
    expect(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2])).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
  });

  it('follows the labels order and leaves out unlisted labels', () => {
    expect(confusionMatrix([0, 1, 2, 2], [0, 2, 2, 1], { labels: [2, 0] })).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('refuses labels none of which occurs in yTrue', () => {
    expect(() => confusionMatrix([0, 1], [0, 1], { labels: [7] })).toThrow(/labels/);
  });

  it('accepts typed arrays and rejects bad input with the argument name', () => {
    expect(confusionMatrix(Uint8Array.of(1, 0), Float64Array.of(1, 1))).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(() => confusionMatrix([0, 1], [0])).toThrow(MetricsError);
    expect(() => confusionMatrix([0, Number.NaN], [0, 1])).toThrow(/yTrue\[1\]/);
  });
});

describe('normalizeConfusion', () => {
  const cm = [
    [3, 1],
    [0, 0],
  ];
  it('divides by rows, columns or total; 0/0 becomes 0', () => {
    expect(normalizeConfusion(cm, 'true')).toEqual([
      [0.75, 0.25],
      [0, 0],
    ]);
    expect(normalizeConfusion(cm, 'pred')).toEqual([
      [1, 1],
      [0, 0],
    ]);
    expect(normalizeConfusion(cm, 'all')).toEqual([
      [0.75, 0.25],
      [0, 0],
    ]);
  });
  it('rejects non-square matrices and unknown modes', () => {
    expect(() => normalizeConfusion([[1, 2]], 'true')).toThrow(/cm\[0\]/);
    expect(() => normalizeConfusion(cm, 'rows' as never)).toThrow(/normalize/);
  });
});

describe('formatConfusionMatrixText', () => {
  it('aligns like a pandas DataFrame', () => {
    expect(
      formatConfusionMatrixText(
        [
          [761, 3],
          [0, 979],
        ],
        ['T-shirt', 'Trouser'],
      ),
    ).toBe(
      [
        '         Pred T-shirt  Pred Trouser',
        'T-shirt           761             3',
        'Trouser             0           979',
      ].join('\n'),
    );
  });
  it('formats fractions and checks the names', () => {
    expect(
      formatConfusionMatrixText(
        [
          [0.5, 0.5],
          [0, 1],
        ],
        undefined,
        { columnPrefix: '' },
      ),
    ).toContain('0.50');
    expect(() => formatConfusionMatrixText([[1]], ['a', 'b'])).toThrow(/names/);
  });
});

describe('formatConfusionMatrixMarkdown', () => {
  it('writes a table with the diagonal in bold', () => {
    expect(
      formatConfusionMatrixMarkdown(
        [
          [1, 2],
          [3, 4],
        ],
        ['a|b', 'c'],
      ),
    ).toBe(
      '| true \\ predicted | a\\|b | c |\n|---|---:|---:|\n| **a\\|b** | **1** | 2 |\n| **c** | 3 | **4** |\n',
    );
  });
});
