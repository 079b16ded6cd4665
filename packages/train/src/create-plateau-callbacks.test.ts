import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyImages } from '@fmnist/dataset/testing';
import { checkpointPaths } from '@fmnist/runs';
import { describe, expect, it } from 'vitest';
import { createPlateauCallbacks } from './create-plateau-callbacks.js';
import { readCheckpointEpoch } from './read-checkpoint-epoch.js';
import { splitValidationHoldout } from './split-validation-holdout.js';
import { resolveValidation } from './train.js';

describe('createPlateauCallbacks', () => {
  it('makes reduce-LR then early stopping, watching valLoss, or loss without validation', () => {
    const both = createPlateauCallbacks({ earlyStopping: 3, reduceLr: 2, validation: 'test' });
    expect(both.map((c) => c.name)).toEqual(['reduceLrOnPlateau', 'earlyStopping']);
    expect(both[1]?.config()).toMatchObject({ monitor: 'valLoss', patience: 3 });
    const none = createPlateauCallbacks({ earlyStopping: 1, validation: 'none' });
    expect(none.map((c) => c.config().monitor)).toEqual(['loss']);
    expect(createPlateauCallbacks({})).toEqual([]);
  });
});

describe('readCheckpointEpoch', () => {
  it("reads the checkpoint state's epoch, undefined when there is none to read", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-checkpoint-epoch-'));
    try {
      expect(await readCheckpointEpoch(dir)).toBeUndefined();
      await mkdir(dir, { recursive: true });
      await writeFile(checkpointPaths(dir).state, JSON.stringify({ epoch: 7 }));
      expect(await readCheckpointEpoch(dir)).toBe(7);
      await writeFile(checkpointPaths(dir).state, '{ not json');
      expect(await readCheckpointEpoch(dir)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('splitValidationHoldout', () => {
  it('draws the holdout train() validates on for the same size and seed', () => {
    const images = makeTinyImages(200, { seed: 3 });
    const drawn = splitValidationHoldout(images, 0.2, 5);
    const used = resolveValidation({ train: images }, { holdout: 0.2 }, 9, 5);
    expect(Array.from(drawn.holdout.labels)).toEqual(Array.from(used.validation?.labels ?? []));
    expect(drawn.holdout.count).toBe(40);
  });
});
