import * as tf from '@tensorflow/tfjs';

/** An optimizer's state as plain data: its weights (moments, iterations), learning rate and Adam's β powers. */
export interface OptimizerState {
  learningRate: number;
  weights: { name: string; shape: number[]; values: Float32Array }[];
  /** Adam keeps β₁ᵗ and β₂ᵗ as running products; tfjs' setWeights recomputes them with pow, which differs in the last bits. */
  accBeta1?: number;
  accBeta2?: number;
}

interface WithLearningRate {
  learningRate: number;
  setLearningRate?: (learningRate: number) => void;
}
interface WithBetaPowers {
  accBeta1?: tf.Variable;
  accBeta2?: tf.Variable;
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
  const state: OptimizerState = { learningRate: getLearningRate(optimizer), weights };
  const betas = optimizer as unknown as WithBetaPowers;
  if (betas.accBeta1 && betas.accBeta2) {
    state.accBeta1 = (await betas.accBeta1.data())[0];
    state.accBeta2 = (await betas.accBeta2.data())[0];
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
  tf.tidy(() => {
    if (state.accBeta1 !== undefined) betas.accBeta1?.assign(tf.scalar(state.accBeta1));
    if (state.accBeta2 !== undefined) betas.accBeta2?.assign(tf.scalar(state.accBeta2));
  });
}
