import { describe, expect, it } from 'vitest';
import { longestFirst } from './longest-first.js';

const task = (preset: string, seed = 0) => ({
  run: { preset, seed, name: `${preset}-seed${seed}` },
  action: 'start' as const,
});

describe('longestFirst', () => {
  it("puts the notebook suite's dropout and deep runs first, the rest in their order", () => {
    const presets = ['mlp-adam', 'mlp-rmsprop', 'mlp-sgd', 'mlp-deep-sgd', 'mlp-dropout-rmsprop'];
    const ordered = longestFirst(presets.map((preset) => task(preset)));
    expect(ordered.map((t) => t.run.preset)).toEqual([
      'mlp-dropout-rmsprop',
      'mlp-deep-sgd',
      'mlp-adam',
      'mlp-rmsprop',
      'mlp-sgd',
    ]);
  });

  it('puts the cnn before dense networks and keeps seeds of one preset in order', () => {
    const ordered = longestFirst([
      task('mlp-adam', 0),
      task('cnn', 0),
      task('mlp-adam', 1),
      task('cnn', 1),
    ]);
    expect(ordered.map((t) => t.run.name)).toEqual([
      'cnn-seed0',
      'cnn-seed1',
      'mlp-adam-seed0',
      'mlp-adam-seed1',
    ]);
  });
});
