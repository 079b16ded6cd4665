import { describe, expect, it } from 'vitest';
import { SweepError } from '../errors/sweep-error.js';
import { getBuiltInSpace } from './get-built-in-space.js';
import { validateSearchSpace } from './validate-search-space.js';

const valid = {
  name: 'lr-only',
  preset: 'mlp-sgd',
  parameters: { learningRate: { logRange: [0.001, 0.3] } },
};

function faultsOf(json: unknown): readonly string[] {
  try {
    validateSearchSpace(json);
  } catch (error) {
    if (SweepError.isInstance(error)) return error.issues;
    throw error;
  }
  throw new Error('expected the space to be refused');
}

describe('validateSearchSpace', () => {
  it('resolves the preset and fills in the training defaults', () => {
    const space = validateSearchSpace(valid);
    expect(space.spec.optimizer).toEqual({
      name: 'sgd',
      learningRate: 0.01,
      momentum: 0,
      nesterov: false,
    });
    expect(space.training).toEqual({ epochs: 20, batchSize: 32, holdout: 0.1 });
    expect(space.parameters.learningRate).toEqual({
      kind: 'logRange',
      min: 0.001,
      max: 0.3,
      integer: false,
    });
  });

  it('names an unknown parameter with its path and the closest known one', () => {
    const faults = faultsOf({ ...valid, parameters: { learning_rate: [0.1] } });
    expect(faults).toEqual([
      'parameters has unknown parameter "learning_rate" (did you mean "learningRate"?): a space varies learningRate, momentum, nesterov, optimizer, batchSize, dropoutRate, layerWidths, epochs',
    ]);
  });

  it('refuses an empty range and a log-range touching 0, each with its path', () => {
    const faults = faultsOf({
      ...valid,
      parameters: { learningRate: { range: [0.3, 0.001] }, momentum: { logRange: [0, 0.9] } },
    });
    expect(faults).toEqual([
      'parameters.learningRate.range is empty: min 0.3 must be below max 0.001 (for one value, write a list: [0.3])',
      'parameters.momentum.logRange[0] must be above 0, got 0: a log-range cannot touch 0 (use "range", or a small positive min such as 1e-4)',
    ]);
  });

  it('checks each value against what the parameter takes', () => {
    expect(faultsOf({ ...valid, parameters: { momentum: [0.5, 1] } })).toEqual([
      'parameters.momentum[1] must be a number in [0, 1), got 1',
    ]);
    expect(faultsOf({ ...valid, parameters: { nesterov: { range: [0, 1] } } })).toEqual([
      'parameters.nesterov must be a list of values [a, b, …], got a range',
    ]);
    expect(faultsOf({ ...valid, parameters: { batchSize: [] } })).toEqual([
      'parameters.batchSize must list at least one value, got none',
    ]);
    expect(
      faultsOf({ ...valid, parameters: { learningRate: { range: [0.1, 0.2], step: 1 } } }),
    ).toEqual(['parameters.learningRate has unknown field "step"']);
  });

  it('refuses parameters the model cannot take', () => {
    expect(faultsOf({ ...valid, parameters: { dropoutRate: [0.1, 0.2] } })).toEqual([
      'parameters.dropoutRate: the model mlp-sgd has no dropout layer to set; start from a spec with one (e.g. preset "mlp-dropout-rmsprop")',
    ]);
    expect(faultsOf({ ...valid, preset: 'mlp-adam', parameters: { nesterov: [true] } })).toEqual([
      'parameters.nesterov: only sgd has Nesterov momentum, and this space uses adam',
    ]);
  });

  it('checks an inline spec with paths under spec', () => {
    const faults = faultsOf({
      name: 'inline',
      spec: {
        inputShape: [784],
        layers: [{ type: 'dense', units: -3 }],
        optimizer: { name: 'sgd' },
        loss: 'categoricalCrossentropy',
      },
      parameters: { learningRate: [0.1] },
    });
    expect(faults[0]).toMatch(/^spec\.layers\[0\]\.units must be a positive integer, got -3/);
  });

  it('wants one model to start from, a name for the directory, and no unknown fields', () => {
    const faults = faultsOf({
      name: 'Bad Name',
      parameters: { learningRate: [0.1] },
      strategy: 'grid',
    });
    expect(faults).toContain('space has unknown field "strategy"');
    expect(faults.some((fault) => fault.startsWith('name must be lower-case letters'))).toBe(true);
    expect(faultsOf({ name: 'x', parameters: { learningRate: [0.1] } })).toEqual([
      'space needs "preset" (e.g. "mlp-sgd") or "spec" (a model spec): neither is given',
    ]);
  });

  it('says what was wrong in its message, one fault per line', () => {
    expect(() => validateSearchSpace({ ...valid, parameters: {} })).toThrow(
      /the search space is not valid \(1 fault\); fix it and try again:\n {2}- parameters is empty/,
    );
  });
});

describe('getBuiltInSpace', () => {
  it("gives sgd-momentum: the notebook's suggestion on mlp-sgd", () => {
    const space = getBuiltInSpace('sgd-momentum');
    expect(space.preset).toBe('mlp-sgd');
    expect(space.training.batchSize).toBe(200);
    expect(space.parameters).toEqual({
      learningRate: { kind: 'logRange', min: 0.001, max: 0.3, integer: false, points: 4 },
      momentum: { kind: 'range', min: 0, max: 0.99, integer: false, points: 4 },
      nesterov: { kind: 'list', values: [false, true] },
    });
  });

  it('names the built-in spaces when asked for another', () => {
    expect(() => getBuiltInSpace('sgd')).toThrow(
      'no built-in search space is called "sgd": the built-in ones are sgd-momentum; or give the path of a search-space JSON file',
    );
  });
});
