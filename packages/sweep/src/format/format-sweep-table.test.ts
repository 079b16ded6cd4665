import { describe, expect, it } from 'vitest';
import { rankConfigurations } from '../results/rank-configurations.js';
import { formatSweepTableMarkdown } from './format-sweep-table-markdown.js';
import { formatSweepTableText } from './format-sweep-table-text.js';

const rows = rankConfigurations([
  {
    configurationId: 'c00',
    params: { learningRate: 0.01, momentum: 0.9, nesterov: true },
    seed: 0,
    epochs: 3,
    status: 'completed',
    valAccuracy: 0.85,
    valLoss: 0.41,
    valCorrect: [true, true, false, true],
  },
  {
    configurationId: 'c00',
    params: { learningRate: 0.01, momentum: 0.9, nesterov: true },
    seed: 1,
    epochs: 3,
    status: 'completed',
    valAccuracy: 0.87,
    valLoss: 0.39,
  },
  {
    configurationId: 'c01',
    params: { learningRate: 0.3, momentum: 0.99, nesterov: false },
    seed: 0,
    epochs: 0,
    status: 'failed',
    failure: 'the loss became NaN at epoch 1, batch 12',
  },
  {
    configurationId: 'c02',
    params: { learningRate: 0.001, momentum: 0, nesterov: false },
    seed: 0,
    epochs: 1,
    status: 'completed',
    valAccuracy: 0.7,
    valLoss: 0.9,
    valCorrect: [true, false, false, true],
  },
  {
    configurationId: 'c02',
    params: { learningRate: 0.001, momentum: 0, nesterov: false },
    seed: 1,
    epochs: 1,
    status: 'completed',
    valAccuracy: 0.72,
    valLoss: 0.88,
  },
]);

describe('formatSweepTableText', () => {
  it('shows each varied parameter, mean ± std, the test against the best, failures last', () => {
    expect(formatSweepTableText(rows)).toBe(
      [
        'rank  config  lr     momentum  nesterov  epochs  seeds          val acc  val loss  vs best (McNemar)  status',
        '   1  c00     0.01   0.9       on             3      2  0.8600 ± 0.0141    0.4000  best               completed',
        '   2  c02     0.001  0         off            1      2  0.7100 ± 0.0141    0.8900  p 1.0000 (0/1)     completed',
        '   3  c01     0.3    0.99      off            0      1                                                failed: the loss became NaN at epoch 1, batch 12',
      ].join('\n'),
    );
  });
});

describe('formatSweepTableMarkdown', () => {
  it('is a Markdown table with the numbers right-aligned', () => {
    const lines = formatSweepTableMarkdown(rows).split('\n');
    expect(lines[1]).toBe('|---:|---|---|---|---|---:|---:|---:|---:|---|---|');
    expect(lines[2]).toBe(
      '| 1 | c00 | 0.01 | 0.9 | on | 3 | 2 | 0.8600 ± 0.0141 | 0.4000 | best | completed |',
    );
  });
});
