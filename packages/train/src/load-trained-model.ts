import { CLASS_NAMES } from '@fmnist/dataset';
import type { RunRecord } from '@fmnist/metrics';
import { openRun } from '@fmnist/runs';
import * as tf from '@tensorflow/tfjs';
import { TrainError } from './errors.js';
import { loadRunModel } from './read-run.js';
import { type BackendChoice, type BackendName, selectBackend } from './select-backend.js';
import { toInput } from './to-input.js';

/** Options of {@link loadTrainedModel}. */
export interface LoadTrainedModelOptions {
  /** The tfjs backend to compute on, as `fmnist --backend`; default `auto` (the fastest that loads). */
  backend?: BackendName | 'auto';
}

/** One image's prediction. */
export interface Classification {
  /** The most probable class. */
  label: number;
  /** Its name (the run's class names, else Fashion-MNIST's). */
  className: string;
  /** Its probability. */
  probability: number;
  /** Every class's probability, by class index. */
  probabilities: Float32Array;
}

/** A run's trained model, ready to predict, with the backend it computes on. */
export interface TrainedModel {
  model: tf.LayersModel;
  record: RunRecord;
  /** `model` for a completed run, `checkpoint` for the last completed epoch of an unfinished one. */
  from: 'model' | 'checkpoint';
  /** The epochs the weights were trained for. */
  epoch: number;
  /** The backend that was activated, why, and why the others were passed over. */
  backend: BackendChoice;
  classNames: readonly string[];
  /**
   * Classify images laid out as the dataset holds them: `count` images of 28×28 bytes (0–255),
   * one after the other (`LabeledImages.images`, or a slice of it); a Float32Array is taken as
   * already scaled to [0, 1]. `count` defaults to all the images the array holds.
   */
  classify(images: Uint8Array | Float32Array, count?: number): Classification[];
}

/**
 * Load the model of a run directory (`fmnist train`'s, or one {@link train} wrote through `run`) to predict
 * with: selects a tfjs backend first (as the CLI does — without one, tfjs falls back to its slow
 * pure-JS backend and prints its "looks like you are running TensorFlow.js in Node.js" banner),
 * then reads `run.json` and the model (`model/`, else the last checkpoint's).
 *
 * @throws {RunsError} `RUN_INVALID` when the directory holds no valid run record.
 * @throws {TrainError} `RUN_INVALID` when it has no saved model, `BACKEND_UNAVAILABLE` when the
 *   backend asked for cannot load.
 */
export async function loadTrainedModel(
  runDir: string,
  options: LoadTrainedModelOptions = {},
): Promise<TrainedModel> {
  const backend = await selectBackend(options.backend ?? 'auto');
  // Reading only: no lock, so a run that is still training can be used too.
  const run = await openRun(runDir, { lock: false });
  const record = await run.readRecord();
  const { model, from, epoch } = await loadRunModel(run, record);
  const classNames = record.classNames ?? CLASS_NAMES;
  const inputShape = (model.inputs[0]?.shape.slice(1) ?? [784]) as number[];
  const pixels = inputShape.reduce((a, b) => a * b, 1);
  return {
    model,
    record,
    from,
    epoch,
    backend,
    classNames,
    classify(images, count = Math.floor(images.length / pixels)) {
      if (count * pixels > images.length || count < 0 || !Number.isInteger(count)) {
        throw new TrainError(
          'INVALID_OPTION',
          `expected ${count} images of ${pixels} pixels (${count * pixels} values), found ` +
            `${images.length} values: pass whole images, e.g. dataset.test.images.subarray(0, ${pixels} * n)`,
        );
      }
      const probabilities = tf.tidy(() => {
        const input = toInput(model, images.subarray(0, count * pixels), count);
        return (model.apply(input) as tf.Tensor).dataSync() as Float32Array;
      });
      const classes = probabilities.length / Math.max(count, 1);
      return Array.from({ length: count }, (_, i) => {
        const row = probabilities.slice(i * classes, (i + 1) * classes);
        let label = 0;
        for (let c = 1; c < classes; c++)
          if ((row[c] as number) > (row[label] as number)) label = c;
        return {
          label,
          className: classNames[label] ?? String(label),
          probability: row[label] as number,
          probabilities: row,
        };
      });
    },
  };
}
