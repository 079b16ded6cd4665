import * as tf from '@tensorflow/tfjs';
import { TrainError } from './errors.js';

/** An optimizer's state as plain data: its weights (moments, iterations), learning rate and Adam's β powers. */
export interface OptimizerState {
  /**
   * The update rules the state was made under: `'keras-2'` for @fmnist/models' optimizers (Keras'
   * TF 2.0 rules); absent for tfjs' own optimizers, as in checkpoints written before ours.
   */
  rules?: string;
  learningRate: number;
  weights: { name: string; shape: number[]; values: Float32Array }[];
  /**
   * Adam's β₁ᵗ and β₂ᵗ, kept as running products and restored as saved: tfjs' setWeights recomputes
   * them with pow, which differs in the last bits (our KerasAdam rebuilds the same products).
   */
  accBeta1?: number;
  accBeta2?: number;
}

/** What {@link setOptimizerState} is told about where a state comes from, for its messages. */
export interface SetOptimizerStateOptions {
  /** Where the state was read from (a checkpoint directory). */
  source?: string;
}

interface WithRules {
  rules?: unknown;
}

/** The rule set an optimizer follows: ours say (`'keras-2'`), tfjs' own do not. */
function rulesOf(optimizer: tf.Optimizer): string | undefined {
  const { rules } = optimizer as unknown as WithRules;
  return typeof rules === 'string' ? rules : undefined;
}

/** Refuse a state saved under other update rules than the optimizer's, saying what to do. */
function checkRules(optimizer: tf.Optimizer, state: OptimizerState, source?: string): void {
  const wanted = rulesOf(optimizer);
  if (state.rules === wanted) return;
  const where = source === undefined ? 'this optimizer state' : `the checkpoint in ${source}`;
  const keep = source === undefined ? '' : ' The run directory was left as it is.';
  let message: string;
  if (state.rules === undefined) {
    message =
      `${where} was saved under tfjs' own optimizer update rules (it records no rule set: it comes ` +
      `from @fmnist/train before Keras' rules), and this version trains with Keras' (TF 2.0) rules, ` +
      `'${wanted}': Adam with epsilon hat, RMSprop with ε outside the root at momentum 0, SGD with ` +
      'the learning rate inside the velocity. Resuming would switch rules mid-run and give a run ' +
      `neither version would.${keep} Train the run again from the start (\`fmnist train\` with ` +
      'the same options), or finish it with the @fmnist/cli version that started it';
  } else if (wanted === undefined) {
    message =
      `${where} was saved under the optimizer rules '${state.rules}', but the optimizer given is ` +
      `tfjs' own ${optimizer.getClassName()}, which follows tfjs' rules: create it with ` +
      "@fmnist/models' createOptimizer";
  } else {
    message =
      `${where} was saved under the optimizer rules '${state.rules}'; this version knows ` +
      `'${wanted}' only.${keep} Resume it with the version of @fmnist/train that wrote it`;
  }
  throw new TrainError('CHECKPOINT_INVALID', message);
}

interface WithLearningRate {
  learningRate: number;
  setLearningRate?: (learningRate: number) => void;
}
/** Adam's β powers: plain numbers on our KerasAdam, scalar variables on tfjs' own Adam. */
interface WithBetaPowers {
  accBeta1?: number | tf.Variable;
  accBeta2?: number | tf.Variable;
}

async function readPower(power: number | tf.Variable): Promise<number> {
  return typeof power === 'number' ? power : ((await power.data())[0] as number);
}

/** The learning rate an optimizer uses now. */
export function getLearningRate(optimizer: tf.Optimizer): number {
  return (optimizer as unknown as WithLearningRate).learningRate;
}

/** Change an optimizer's learning rate for the next steps (SGD caches it as a tensor, so use its setter). */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  const target = optimizer as unknown as WithLearningRate;
  if (typeof target.setLearningRate === 'function') target.setLearningRate(learningRate);
  else target.learningRate = learningRate;
}

/** Copy out everything needed to continue exactly where an optimizer is. */
export async function getOptimizerState(optimizer: tf.Optimizer): Promise<OptimizerState> {
  const named = await optimizer.getWeights();
  const weights = await Promise.all(
    named.map(async ({ name, tensor }) => ({
      name,
      shape: tensor.shape,
      values: new Float32Array(await tensor.data()),
    })),
  );
  // The iteration count comes first, as a new scalar each call; the rest belongs to the optimizer.
  if (named[0]?.name === 'iter') named[0].tensor.dispose();
  const state: OptimizerState = { learningRate: getLearningRate(optimizer), weights };
  const rules = rulesOf(optimizer);
  if (rules !== undefined) state.rules = rules;
  const betas = optimizer as unknown as WithBetaPowers;
  if (betas.accBeta1 !== undefined && betas.accBeta2 !== undefined) {
    state.accBeta1 = await readPower(betas.accBeta1);
    state.accBeta2 = await readPower(betas.accBeta2);
  }
  return state;
}

/**
 * Put back a state from {@link getOptimizerState} into a fresh optimizer of the same kind.
 *
 * @throws {TrainError} `CHECKPOINT_INVALID` when the state was saved under other update rules
 * than the optimizer follows (a checkpoint from before Keras' rules), saying what to do
 */
export async function setOptimizerState(
  optimizer: tf.Optimizer,
  state: OptimizerState,
  options: SetOptimizerStateOptions = {},
): Promise<void> {
  checkRules(optimizer, state, options.source);
  setLearningRate(optimizer, state.learningRate);
  const named = state.weights.map(({ name, shape, values }) => ({
    name,
    tensor: tf.tensor(values, shape, 'float32'),
  }));
  await optimizer.setWeights(named);
  for (const { tensor } of named) tensor.dispose();
  const betas = optimizer as unknown as WithBetaPowers;
  const restore = (key: 'accBeta1' | 'accBeta2') => {
    const saved = state[key];
    const power = betas[key];
    if (saved === undefined || power === undefined) return;
    if (typeof power === 'number') betas[key] = saved;
    else tf.tidy(() => power.assign(tf.scalar(saved)));
  };
  restore('accBeta1');
  restore('accBeta2');
}
