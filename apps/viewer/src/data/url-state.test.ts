import { describe, expect, it } from 'vitest';
import { defaultUrlState, formatUrlState, parseUrlState } from './url-state.js';

const VIEWS = ['runs', 'curves', 'confusion', 'hparams'];

describe('parseUrlState and formatUrlState', () => {
  it('round-trips every part of the state', () => {
    const state = {
      ...defaultUrlState('curves'),
      filter: 'adam 0.85',
      sort: { column: 'testAccuracy', direction: 'descending' as const },
      selected: ['runs/a b', 'experiments/x/runs/c,d'],
      run: 'runs/a b',
      cell: [6, 0] as [number, number],
      zoom: [2, 8.5] as [number, number],
      curves: { smooth: 0.6, log: true },
      metric: 'testAccuracy',
      param: 'learningRate',
      classMetric: 'recall' as const,
    };
    const hash = formatUrlState(state);
    expect(hash).toMatch(/^#curves\?/);
    expect(parseUrlState(hash, VIEWS)).toEqual(state);
  });
  it('leaves defaults out and reads old tab-only links', () => {
    expect(formatUrlState(defaultUrlState('runs'))).toBe('#runs');
    expect(parseUrlState('#confusion', VIEWS)).toEqual(defaultUrlState('confusion'));
    expect(parseUrlState('', VIEWS).view).toBe('runs');
  });
  it('ignores unknown views and malformed parameters', () => {
    const state = parseUrlState('#nope?cell=a~b&zoom=1&smooth=7&cm=bogus', VIEWS);
    expect(state).toEqual({ ...defaultUrlState('runs'), curves: { smooth: 0.99, log: false } });
  });
});
