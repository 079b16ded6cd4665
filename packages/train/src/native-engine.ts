import { type LabeledImages, shuffleIndices } from '@fmnist/dataset';
import { deriveSeed } from '@fmnist/models';
import type { NetworkHandle, OpenBlas } from '@fmnist/openblas';
import * as tf from '@tensorflow/tfjs';
import { aleaState } from './alea-state.js';
import type { Predictions } from './evaluate.js';
import { getLearningRate } from './optimizer-state.js';
import type { NativeNetworkPlan } from './plan-native-network.js';
import type { EngineOptions, TrainingEngine } from './training-engine.js';

/** The slot names tfjs' optimizers give their state, per class, in their getWeights order. */
const SLOT_NAMES: Record<string, string[]> = {
  Adam: ['m', 'v'],
  RMSProp: ['rms', 'momentum'],
  Momentum: ['momentum'],
  SGD: [],
};

interface OptimizerInternals {
  iterations_?: number;
  /** Numbers on @fmnist/models' KerasAdam, scalar variables on tfjs' Adam. */
  accBeta1?: number | tf.Variable;
  accBeta2?: number | tf.Variable;
  /** @fmnist/models' optimizers say which slots they keep (RMSprop: no momentum slot at momentum 0). */
  slotNames?: readonly string[];
}

const readPower = (power: number | tf.Variable | undefined, fallback: number) =>
  power === undefined
    ? fallback
    : typeof power === 'number'
      ? power
      : (power.dataSync()[0] as number);

/** Images per native inference call: large enough for efficient products, small for a conv net's buffers. */
const evalChunk = (plan: NativeNetworkPlan, batchSize: number) =>
  plan.convolutional ? Math.max(batchSize, 100) : 1000;

/**
 * The native fused step: weights and optimizer slots live in Float32Arrays here while training,
 * each batch is one call into @fmnist/openblas' network (batch assembly from the uint8 images,
 * dropout, forward, softmax + cross-entropy, backward, Keras' update), and the tfjs model and
 * optimizer get them back whenever something reads them (`syncToModel`).
 */
export function createNativeEngine(
  blas: OpenBlas,
  plan: NativeNetworkPlan,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  options: EngineOptions & {
    /** Threads the steps (and inference) run on; the results do not depend on it. Default 1. */
    threads?: number;
  },
): TrainingEngine {
  const { train, batchSize, seed } = options;
  const network: NetworkHandle = blas.createNetwork(
    plan.desc,
    plan.rates,
    plan.optimizer,
    plan.hyper,
    options.threads ?? 1,
  );
  const count = blas.networkParamCount(network);
  const variables = model.trainableWeights;
  const sizes = variables.map((v) => v.shape.reduce((a: number, b) => a * (b ?? 1), 1));
  const offsets = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  if (sizes.reduce((a, b) => a + b, 0) !== count) {
    throw new Error(`native network has ${count} parameters, the tfjs model ${sizes.join('+')}`);
  }
  const params = new Float32Array(count);
  const slots = plan.slots > 0 ? new Float32Array(count * plan.slots) : null;
  // Adam's β₁ᵗ, β₂ᵗ as float64 running products, as @fmnist/models' KerasAdam keeps them.
  const powers = new Float64Array(2);
  const internals = optimizer as unknown as OptimizerInternals;
  const slotNames = internals.slotNames ?? SLOT_NAMES[optimizer.getClassName()];
  const result = new Float64Array(2);
  const dropoutStates = new Float64Array(4 * plan.dropoutLayers.length);
  let iterations = 0;

  const readModel = async () => {
    const weights = model.trainableWeights.map((w) => w.read());
    weights.forEach((w, i) => {
      params.set(w.dataSync() as Float32Array, offsets[i]);
    });
    const named = await optimizer.getWeights();
    const [iter, ...rest] = named;
    iterations = iter ? ((await iter.tensor.data())[0] as number) : 0;
    iter?.tensor.dispose();
    slots?.fill(0);
    if (slots && rest.length > 0) {
      const groups = Math.min(plan.slots, Math.floor(rest.length / variables.length));
      for (let g = 0; g < groups; g++) {
        for (let v = 0; v < variables.length; v++) {
          const entry = rest[g * variables.length + v];
          if (entry)
            slots.set(entry.tensor.dataSync() as Float32Array, g * count + (offsets[v] ?? 0));
        }
      }
    }
    if (plan.optimizer === 3) {
      powers[0] = readPower(internals.accBeta1, plan.hyper[0] as number);
      powers[1] = readPower(internals.accBeta2, plan.hyper[1] as number);
    }
  };

  const writeModel = async () => {
    const view = (array: Float32Array, v: number) =>
      array.subarray(offsets[v], (offsets[v] ?? 0) + (sizes[v] ?? 0));
    model.trainableWeights.forEach((w, v) => {
      tf.tidy(() => {
        w.write(tf.tensor(view(params, v), w.shape as number[], 'float32'));
      });
    });
    if (!slotNames) throw new Error(`native engine: unknown optimizer ${optimizer.getClassName()}`);
    const named = await optimizer.getWeights();
    const [iter, ...rest] = named;
    iter?.tensor.dispose();
    const groupValues = (g: number, v: number) =>
      slots && g < plan.slots
        ? view(slots.subarray(g * count, (g + 1) * count), v)
        : new Float32Array(sizes[v] ?? 0);
    if (
      rest.length === slotNames.length * variables.length &&
      rest.every((e) => e.tensor instanceof tf.Variable)
    ) {
      rest.forEach((entry, k) => {
        const g = Math.floor(k / variables.length);
        const v = k % variables.length;
        tf.tidy(() =>
          (entry.tensor as tf.Variable).assign(
            tf.tensor(groupValues(g, v), entry.tensor.shape, 'float32'),
          ),
        );
      });
      internals.iterations_ = iterations;
    } else if (slotNames.length > 0 || iterations > 0) {
      const weights = [{ name: 'iter', tensor: tf.scalar(iterations, 'int32') }];
      slotNames.forEach((slot, g) => {
        variables.forEach((variable, v) => {
          weights.push({
            name: `${(variable.read() as tf.Variable).name}/${slot}`,
            tensor: tf.tensor(groupValues(g, v), variable.shape as number[], 'float32'),
          });
        });
      });
      await optimizer.setWeights(weights);
      for (const { tensor } of weights) tensor.dispose();
    }
    if (plan.optimizer === 3) {
      if (typeof internals.accBeta1 === 'number') {
        internals.accBeta1 = powers[0] as number;
        internals.accBeta2 = powers[1] as number;
      } else {
        tf.tidy(() => {
          (internals.accBeta1 as tf.Variable | undefined)?.assign(tf.scalar(powers[0] as number));
          (internals.accBeta2 as tf.Variable | undefined)?.assign(tf.scalar(powers[1] as number));
        });
      }
    }
  };

  const runSplit = (split: LabeledImages, probabilities: Float32Array | null) => {
    blas.evaluateNetwork(
      network,
      params,
      split.images,
      split.labels,
      0,
      split.count,
      evalChunk(plan, batchSize),
      probabilities,
      result,
    );
    return {
      loss: (result[0] as number) / split.count,
      accuracy: (result[1] as number) / split.count,
    };
  };

  let loaded = false;
  return {
    kind: 'native',
    *batches(epoch) {
      if (!loaded) throw new Error('native engine: call syncFromModel() before training');
      const order = shuffleIndices(train.count, deriveSeed(seed, 1), epoch);
      const total = Math.ceil(train.count / batchSize);
      for (let index = 0; index < total; index++) {
        const from = index * batchSize;
        const size = Math.min(batchSize, train.count - from);
        yield {
          index,
          size,
          run: () => {
            plan.dropoutLayers.forEach((layer, k) => {
              dropoutStates.set(aleaState(deriveSeed(seed, 3, epoch, index, layer)), 4 * k);
            });
            blas.trainBatch(
              network,
              params,
              slots,
              powers,
              train.images,
              train.labels,
              order,
              from,
              size,
              getLearningRate(optimizer),
              dropoutStates,
              result,
            );
            iterations += 1;
            return { loss: result[0] as number, correct: result[1] as number };
          },
        };
      }
    },
    syncToModel: writeModel,
    syncFromModel: async () => {
      await readModel();
      loaded = true;
    },
    predict(split): Predictions {
      const numClasses = plan.desc[plan.desc.length - 6] as number;
      const probabilities = new Float32Array(split.count * numClasses);
      const { loss, accuracy } = runSplit(split, probabilities);
      const predictions = new Uint8Array(split.count);
      for (let i = 0; i < split.count; i++) {
        let best = 0;
        for (let c = 1; c < numClasses; c++) {
          if (
            (probabilities[i * numClasses + c] as number) >
            (probabilities[i * numClasses + best] as number)
          )
            best = c;
        }
        predictions[i] = best;
      }
      return { loss, accuracy, predictions, probabilities };
    },
    score: (split) => runSplit(split, null),
  };
}
