import { createRun } from '@fmnist/runs';
import { describe, expect, it } from 'vitest';
import { tinyData, useRunsRoot, weightsOf, withoutTime } from '../test/tiny-runs.js';
import { resume } from './resume.js';
import { type TrainOptions, train } from './train.js';

const data = tinyData(300, 60);
const spec = {
  inputShape: [784],
  layers: [
    { type: 'dropout', rate: 0.2 },
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  optimizer: { name: 'sgd', learningRate: 0.05, momentum: 0.9 },
  loss: 'categoricalCrossentropy',
};
const options = (epochs: number): TrainOptions => ({
  spec,
  data,
  epochs,
  batchSize: 50,
  seed: 3,
  validation: { holdout: 0.2 },
});
const root = useRunsRoot('resume');

describe('resume with a larger epoch budget', () => {
  it('extends a completed run from its checkpoint to what one longer run gives', async () => {
    const whole = await train(options(4));
    const run = await createRun(root(), 'extend', { lock: false });
    const short = await train({ ...options(2), run });
    expect(short.record.status).toBe('completed');
    const extended = await resume(run, { data, epochs: 4 });
    expect(extended.status).toBe('completed');
    expect(extended.record.config.epochs).toBe(4);
    expect(withoutTime(extended.history)).toEqual(withoutTime(whole.history));
    expect(weightsOf(extended.model)).toEqual(weightsOf(whole.model));
    expect(extended.record.metrics?.validation).toEqual(whole.record.metrics?.validation);
    expect(extended.record.events).toContainEqual({
      epoch: 2,
      type: 'extended',
      message: 'epoch budget extended from 2 to 4',
    });
    expect((await run.readRecord()).status).toBe('completed');
  });

  it('refuses a smaller budget, and a completed run without a larger one', async () => {
    const run = await createRun(root(), 'refuse', { lock: false });
    await train({ ...options(1), run });
    await expect(resume(run, { data })).rejects.toThrow(/already completed; nothing to resume/);
    await expect(resume(run, { data, epochs: 0 })).rejects.toThrow(
      "epochs must be a whole number of at least the run's 1 to extend it, got 0",
    );
  });
});

describe('holdoutSeed', () => {
  it('gives runs of other seeds the same holdout, and records its predictions', async () => {
    const a = await train({ ...options(1), seed: 1, holdoutSeed: 9 });
    const b = await train({ ...options(1), seed: 2, holdoutSeed: 9 });
    const c = await train({ ...options(1), seed: 2 });
    const sha = (result: typeof a) =>
      result.record.validationPredictions as {
        labelsSha256: string;
        predicted: string;
        split: string;
      };
    expect(sha(a).split).toBe('validation');
    expect(sha(a).labelsSha256).toBe(sha(b).labelsSha256);
    expect(sha(c).labelsSha256).not.toBe(sha(b).labelsSha256);
    expect(Buffer.from(sha(a).predicted, 'base64')).toHaveLength(60);
    expect(a.record.config.validation).toEqual({ mode: 'holdout', size: 0.2, seed: 9 });
    // The holdout of seed 9 is the holdout a run of seed 9 has.
    const own = await train({ ...options(1), seed: 9 });
    expect(sha(own).labelsSha256).toBe(sha(a).labelsSha256);
  });
});
