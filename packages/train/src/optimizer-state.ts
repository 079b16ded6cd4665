import * as tf from '@tensorflow/tfjs';

/** An optimizer's state as plain data: its weights (moments, iterations), learning rate and Adam's β powers. */
export interface OptimizerState {
  learningRate: number;
  weights: { name: string; shape: number[]; values: Float32Array }[];
  /**
   * Adam's β₁ᵗ and β₂ᵗ, kept as running products and restored as saved: tfjs' setWeights recomputes
   * them with pow, which differs in the last bits (our KerasAdam rebuilds the same products).
   */
  accBeta1?: number;
  accBeta2?: number;
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
  const betas = optimizer as unknown as WithBetaPowers;
  if (betas.accBeta1 !== undefined && betas.accBeta2 !== undefined) {
    state.accBeta1 = await readPower(betas.accBeta1);
    state.accBeta2 = await readPower(betas.accBeta2);
  }
  return state;
}

/** Put back a state from {@link getOptimizerState} into a fresh optimizer of the same kind. */
export async function setOptimizerState(
  optimizer: tf.Optimizer,
  state: OptimizerState,
): Promise<void> {
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
