import { describe, expect, it } from 'vitest';
import { applyTrialParams } from './apply-trial-params.js';
import { validateSearchSpace } from './validate-search-space.js';

describe('applyTrialParams', () => {
  it('sets the optimizer, widths and dropout of one trial on the base spec', () => {
    const space = validateSearchSpace({
      name: 'mixed',
      preset: 'mlp-dropout-rmsprop',
      training: { batchSize: 200 },
      parameters: {
        optimizer: ['sgd'],
        momentum: [0.9],
        dropoutRate: [0.3],
        layerWidths: [[256, 64]],
      },
    });
    const setup = applyTrialParams(space, {
      optimizer: 'sgd',
      learningRate: 0.05,
      momentum: 0.9,
      nesterov: true,
      dropoutRate: 0.3,
      layerWidths: [256, 64],
    });
    expect(setup.spec.optimizer).toEqual({
      name: 'sgd',
      learningRate: 0.05,
      momentum: 0.9,
      nesterov: true,
    });
    expect(
      setup.spec.layers.map((layer) => (layer.type === 'dense' ? layer.units : layer.type)),
    ).toEqual(['dropout', 256, 64, 10]);
    expect(setup.spec.layers[0]).toEqual({ type: 'dropout', rate: 0.3 });
    expect(setup).toMatchObject({ epochs: 20, batchSize: 200, holdout: 0.1 });
  });

  it('leaves momentum out for adam, which has none', () => {
    const space = validateSearchSpace({
      name: 'opt',
      preset: 'mlp-sgd',
      parameters: { optimizer: ['adam', 'sgd'], momentum: [0.9] },
    });
    expect(applyTrialParams(space, { optimizer: 'adam', momentum: 0.9 }).spec.optimizer.name).toBe(
      'adam',
    );
  });
});
