import { describe, expect, it } from 'vitest';
import { ModelsError } from '../errors/models-error.js';
import { getPreset } from '../presets/get-preset.js';
import { applySpecOverrides } from './apply-spec-overrides.js';

describe('applySpecOverrides', () => {
  it('leaves the spec alone without flags', () => {
    expect(applySpecOverrides(getPreset('mlp-adam'), {})).toEqual(getPreset('mlp-adam'));
  });

  it("sets the learning rate of the spec's optimizer", () => {
    expect(applySpecOverrides(getPreset('mlp-rmsprop'), { learningRate: 0.01 }).optimizer).toEqual({
      name: 'rmsprop',
      learningRate: 0.01,
      rho: 0.9,
      momentum: 0,
      epsilon: 1e-7,
    });
  });

  it("starts another optimizer from Keras' defaults, then applies lr and momentum", () => {
    const spec = applySpecOverrides(getPreset('mlp-adam'), {
      optimizer: 'sgd',
      learningRate: 0.05,
      momentum: 0.9,
    });
    expect(spec.optimizer).toEqual({
      name: 'sgd',
      learningRate: 0.05,
      momentum: 0.9,
      nesterov: false,
    });
    expect(spec.layers).toEqual(getPreset('mlp-adam').layers);
  });

  it('keeps the options of the same optimizer', () => {
    const spec = applySpecOverrides(getPreset('mlp-sgd-momentum'), { optimizer: 'sgd' });
    expect(spec.optimizer).toMatchObject({ learningRate: 0.05, momentum: 0.9 });
  });

  it('refuses momentum for adam, saying what to use instead', () => {
    let error: unknown;
    try {
      applySpecOverrides(getPreset('mlp-adam'), { momentum: 0.9 });
    } catch (caught) {
      error = caught;
    }
    expect(ModelsError.isInstance(error) && error.code).toBe('INVALID_OVERRIDE');
    expect((error as Error).message).toMatch(/use sgd or rmsprop/);
  });
});
