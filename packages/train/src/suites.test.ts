import { PRESET_NAMES } from '@fmnist/models';
import { describe, expect, it } from 'vitest';
import { TrainError } from './errors.js';
import { getSuite, SUITE_NAMES, SUITES } from './suites.js';

describe('suites', () => {
  it('runs the notebook as the notebook did', () => {
    expect(getSuite('notebook')).toMatchObject({
      presets: ['mlp-adam', 'mlp-rmsprop', 'mlp-sgd', 'mlp-deep-sgd', 'mlp-dropout-rmsprop'],
      epochs: 100,
      batchSize: 200,
      validation: 'test',
    });
  });

  it('goes beyond with momentum and a CNN on a holdout', () => {
    const beyond = getSuite('beyond');
    expect(beyond.presets).toEqual([...SUITES.notebook.presets, 'mlp-sgd-momentum', 'cnn']);
    expect(beyond.validation).toBe('holdout');
  });

  it('names only presets that exist', () => {
    for (const name of SUITE_NAMES) {
      for (const preset of SUITES[name].presets) expect(PRESET_NAMES).toContain(preset);
    }
  });

  it('lists the valid suites for an unknown one', () => {
    try {
      getSuite('notebok');
      expect.unreachable();
    } catch (error) {
      expect(TrainError.isInstance(error) && error.code).toBe('INVALID_OPTION');
      expect((error as Error).message).toBe(
        'unknown suite "notebok" (did you mean "notebook"?): expected one of notebook, beyond',
      );
    }
  });
});
