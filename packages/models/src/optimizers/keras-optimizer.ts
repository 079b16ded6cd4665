import * as tf from '@tensorflow/tfjs';
import { ModelsError } from '../errors/models-error.js';

/**
 * One step of an optimizer's update rule over raw float32 arrays, for paths that update weights
 * outside tfjs' kernels (the wasm heap, native code). Reads `w` and `g`, updates `slots` in place
 * (in {@link KerasOptimizer.slotNames} order) and writes the new weights to `out`, which may be
 * `w` itself. Made by {@link KerasOptimizer.createArrayUpdate} for one step: call it for every
 * variable of the step, then {@link KerasOptimizer.completeStep} once.
 */
export type ArrayUpdate = (
  w: Float32Array,
  g: Float32Array,
  slots: readonly Float32Array[],
  out: Float32Array,
) => void;

/** A tensor and its name, as optimizers' getWeights/setWeights pass them (tfjs does not export the type). */
type NamedTensor = Awaited<ReturnType<tf.Optimizer['getWeights']>>[number];

interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/**
 * What our optimizers share: Keras' (TF 2.0) update rules written as a tf.Optimizer, with the
 * per-variable state ("slots": Adam's `m` and `v`, RMSprop's `rms`, ...) kept by the variable's
 * position in the gradients, as tfjs' own optimizers do (a model reloaded from a checkpoint has
 * other variable names), and the learning rate a plain number any step may change.
 *
 * `getWeights` gives the iteration count, then each slot kind for every variable in turn
 * (`a/m`, `b/m`, `a/v`, `b/v`), the order of tfjs and Keras; `setWeights` takes that back.
 */
export abstract class KerasOptimizer extends tf.Optimizer {
  /** The learning rate of the next step (ReduceLROnPlateau changes it between epochs). */
  learningRate: number;
  private slots: Slot[][] = [];

  protected constructor(learningRate: number) {
    super();
    this.learningRate = learningRate;
  }

  /**
   * The rule set this optimizer updates by, for records: `'keras-2'`, Keras' (TF 2.0) rules.
   * `@fmnist/train` writes it into checkpoints and refuses to resume a state saved under others.
   */
  get rules(): string {
    return 'keras-2';
  }

  /** The per-variable state this optimizer keeps, in `getWeights` order (e.g. `['m', 'v']`). */
  abstract get slotNames(): readonly string[];

  /** Updates the slots of one variable and returns its new value (called inside `tf.tidy`). */
  protected abstract updateTensors(
    value: tf.Variable,
    gradient: tf.Tensor,
    slots: readonly tf.Variable[],
  ): tf.Tensor;

  /** This step's update rule over raw arrays: the same formula as `applyGradients`. */
  abstract createArrayUpdate(): ArrayUpdate;

  /** Change the learning rate from the next step on. */
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
  }

  /**
   * The slots of the variable at `index` in a step's gradients, created as zeros the first time.
   * For fused paths; `applyGradients` uses it too.
   */
  getSlots(index: number, variableName: string): tf.Variable[] {
    let slots = this.slots[index];
    if (slots === undefined) {
      const value = tf.engine().registeredVariables[variableName] as tf.Variable;
      slots = this.slotNames.map((slot) => ({
        originalName: `${variableName}/${slot}`,
        variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
      }));
      this.slots[index] = slots;
    }
    return slots.map((slot) => slot.variable);
  }

  /** Finish a step run through {@link createArrayUpdate}: advance the iteration count (and Adam's β powers). */
  completeStep(): void {
    this.incrementIterations();
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const entries: [string, tf.Tensor | undefined][] = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => [name, tensor])
      : Object.entries(variableGradients);
    entries.forEach(([name, gradient], index) => {
      const slots = this.getSlots(index, name);
      if (gradient == null) return;
      const value = tf.engine().registeredVariables[name] as tf.Variable;
      tf.tidy(() => {
        value.assign(this.updateTensors(value, gradient, slots));
      });
    });
    this.completeStep();
  }

  override dispose(): void {
    for (const slots of this.slots) for (const slot of slots) slot.variable.dispose();
    this.slots = [];
    super.dispose();
  }

  /** The iteration count (a new int32 scalar: dispose it), then every slot variable (owned by the optimizer). */
  override async getWeights(): Promise<NamedTensor[]> {
    const slots = this.slotNames.flatMap((_, kind) =>
      this.slots.map((perVariable) => {
        const slot = perVariable[kind] as Slot;
        return { name: slot.originalName, tensor: slot.variable };
      }),
    );
    return [await this.saveIterations(), ...slots];
  }

  /**
   * Take back what {@link getWeights} gave. The slots become copies with buffers of their own
   * (fused paths write slots in place); the caller keeps the tensors it passed and disposes them.
   */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const values = await this.extractIterations(weightValues);
    const kinds = this.slotNames.length;
    const count = kinds === 0 ? 0 : values.length / kinds;
    // Slot names end in their kind (`dense/kernel/m`): a state of another optimizer or other
    // settings (tfjs' RMSProp keeps momentum slots at momentum 0) must not slip in by its count.
    const fits =
      Number.isInteger(count) &&
      (kinds > 0 || values.length === 0) &&
      values.every(({ name }, i) => name.endsWith(`/${this.slotNames[Math.floor(i / count)]}`));
    if (!fits) {
      const found = values.map(({ name }) => name.slice(name.lastIndexOf('/') + 1));
      throw new ModelsError(
        'LOAD_FAILED',
        `${this.getClassName()} (${JSON.stringify(this.getConfig())}) expects the iteration count, then ` +
          `${this.slotNames.map((slot) => `one ${slot} slot per variable`).join(', then ') || 'nothing'}; ` +
          `found ${values.length} tensor(s) after the count (${[...new Set(found)].join(', ') || 'none'}). ` +
          'The state was saved by another optimizer or other settings: restore it into the optimizer it came from',
      );
    }
    for (const slots of this.slots) for (const slot of slots) slot.variable.dispose();
    this.slots = Array.from({ length: count }, (_, index) =>
      this.slotNames.map((_, kind) => {
        const { name, tensor } = values[kind * count + index] as NamedTensor;
        return { originalName: name, variable: tf.tidy(() => tensor.mul(1).variable(false)) };
      }),
    );
  }
}
