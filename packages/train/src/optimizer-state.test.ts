import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOptimizer } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyData, tinyMlp, trainTinyRun } from '../test/tiny-runs.js';
import { TrainError } from './errors.js';
import { getOptimizerState, setOptimizerState } from './optimizer-state.js';
import { resume } from './resume.js';
import { selectBackend } from './select-backend.js';

/** One Adam step on a small variable, so the state has slots, an iteration and β powers. */
async function steppedState(optimizer: tf.Optimizer) {
  const w = tf.tidy(() => tf.variable(tf.zeros([3]), true, `state-${Math.random()}`));
  tf.tidy(() => optimizer.applyGradients({ [w.name]: tf.tensor([0.1, -0.2, 1e-5]) }));
  const state = await getOptimizerState(optimizer);
  w.dispose();
  return state;
}

const isRulesError = (e: unknown) => TrainError.isInstance(e) && e.code === 'CHECKPOINT_INVALID';

describe('optimizer state and its update rules', () => {
  let root: string;
  beforeAll(async () => {
    await selectBackend('wasm');
    root = await mkdtemp(join(tmpdir(), 'fmnist-optimizer-state-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("records Keras' rules for our optimizers, none for tfjs' own, and frees getWeights' count", async () => {
    const ours = createOptimizer({ name: 'adam' });
    const theirs = tf.train.adam(0.001);
    const before = tf.memory().numTensors;
    const state = await steppedState(ours);
    expect(state.rules).toBe('keras-2');
    expect(state.weights.map((w) => w.name.split('/').pop())).toEqual(['iter', 'm', 'v']);
    expect(state.accBeta1).toBe(0.9 * 0.9);
    expect((await steppedState(theirs)).rules).toBeUndefined();
    // Two slots each for ours and tfjs' (their β powers existed before), nothing else left.
    expect(tf.memory().numTensors).toBe(before + 4);
    ours.dispose();
    theirs.dispose();
  });

  it('puts a state back into an optimizer of the same rules, β powers as saved', async () => {
    const first = createOptimizer({ name: 'adam' });
    const state = await steppedState(first);
    const second = createOptimizer({ name: 'adam' });
    await setOptimizerState(second, { ...state, accBeta1: 0.5 });
    expect((second as unknown as { accBeta1: number }).accBeta1).toBe(0.5);
    expect((await getOptimizerState(second)).weights).toEqual(state.weights);
    first.dispose();
    second.dispose();
  });

  it('refuses a state saved under other rules, saying what to do', async () => {
    const ours = createOptimizer({ name: 'rmsprop' });
    const oldRules = await steppedState(tf.train.rmsprop(0.001));
    const attempt = setOptimizerState(ours, oldRules, { source: '/runs/x/checkpoint' });
    await expect(attempt).rejects.toSatisfy(isRulesError);
    await expect(attempt).rejects.toThrow(
      /the checkpoint in \/runs\/x\/checkpoint was saved under tfjs' own optimizer update rules.*'keras-2'.*Train the run again from the start/,
    );
    const theirs = tf.train.adam(0.001);
    await expect(
      setOptimizerState(theirs, { ...(await steppedState(createOptimizer({ name: 'adam' }))) }),
    ).rejects.toThrow(/the optimizer given is tfjs' own Adam.*createOptimizer/);
    await expect(setOptimizerState(ours, { ...oldRules, rules: 'keras-9' })).rejects.toThrow(
      /rules 'keras-9'; this version knows 'keras-2' only/,
    );
    ours.dispose();
    theirs.dispose();
  });

  it('writes the rules into state.json and refuses, untouched, a checkpoint from before them', async () => {
    const data = tinyData(200, 50);
    const spec = tinyMlp({ name: 'rmsprop' }, { hidden: [] });
    const options = { spec, data, epochs: 3, seed: 3, validation: 'none', stopAfter: 1 } as const;
    const run = await trainTinyRun(root, 'old-rules', options);
    const statePath = join(run.dir, 'checkpoint', 'state.json');
    const state = JSON.parse(await readFile(statePath, 'utf8'));
    expect(state.optimizer.rules).toBe('keras-2');
    delete state.optimizer.rules;
    await writeFile(statePath, `${JSON.stringify(state)}\n`);
    const snapshot = async () => {
      const files = await readdir(run.dir, { recursive: true });
      return Promise.all(
        files.sort().map(async (f) => [f, await readFile(join(run.dir, f)).catch(() => 'dir')]),
      );
    };
    const before = await snapshot();
    const attempt = resume(run, { data });
    await expect(attempt).rejects.toSatisfy(isRulesError);
    await expect(attempt).rejects.toThrow(
      /checkpoint in .*old-rules.*checkpoint was saved under tfjs' own optimizer update rules.*left as it is/,
    );
    expect(await snapshot()).toEqual(before);
  });
});
