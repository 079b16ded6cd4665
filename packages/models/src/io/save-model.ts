import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ModelsError } from '../errors/models-error.js';
import { countWeightBytes } from './count-weight-bytes.js';
import { MODEL_FILE_NAMES } from './model-file-names.js';

/** Options of {@link saveModel}. */
export interface SaveModelOptions {
  /**
   * Also save the optimizer's state (its moments), so training can resume exactly. Default
   * `false`: the optimizer's class and settings are saved either way, so the loaded model comes
   * back compiled.
   */
  includeOptimizer?: boolean;
  /**
   * How each file is written under its temporary name (default: `node:fs` `writeFile`). The
   * training loop passes `@fmnist/runs`' file layer, so that tests of full disks reach these writes.
   */
  writeFile?: (path: string, data: Uint8Array | string) => Promise<void>;
}

type TrainingConfigSource = { getTrainingConfig?: () => tf.io.TrainingConfig };

/** The compile settings tfjs writes with `includeOptimizer`, without the optimizer's weights. */
function readTrainingConfig(model: tf.LayersModel): tf.io.TrainingConfig | undefined {
  if (model.optimizer == null) return undefined;
  // A protected method of LayersModel (stable since tfjs 1.x): the public route, `includeOptimizer`,
  // would also write the optimizer's moments.
  const source = model as unknown as TrainingConfigSource;
  return typeof source.getTrainingConfig === 'function' ? source.getTrainingConfig() : undefined;
}

/**
 * Saves a model into `dir` in the standard tfjs LayersModel format — `model.json` plus one
 * `weights.bin` — which `tf.loadLayersModel` reads in a browser and {@link loadModel} reads in
 * Node. Atomic: both files are written under temporary names and renamed, `model.json` last,
 * so a reader never sees a half-written model. `model.json` also records the SHA-256 of
 * `weights.bin` so a mismatched pair is detected on load.
 *
 * @param dir - directory to write into (created if missing); existing files are replaced
 * @throws ModelsError `SAVE_FAILED` when the files cannot be written
 */
export async function saveModel(
  model: tf.LayersModel,
  dir: string,
  options: SaveModelOptions = {},
): Promise<void> {
  const includeOptimizer = options.includeOptimizer === true;
  const handler: tf.io.IOHandler = {
    save: async (artifacts) => {
      const weightSpecs = artifacts.weightSpecs ?? [];
      const weightData = new Uint8Array(
        artifacts.weightData === undefined
          ? new ArrayBuffer(0)
          : tf.io.concatenateArrayBuffers(artifacts.weightData),
      );
      const expected = countWeightBytes(weightSpecs);
      if (expected !== undefined && expected !== weightData.byteLength) {
        throw new Error(
          `tfjs produced ${weightData.byteLength} bytes of weights for specs describing ${expected}`,
        );
      }
      const trainingConfig = artifacts.trainingConfig ?? readTrainingConfig(model);
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        ...(trainingConfig === undefined ? {} : { trainingConfig }),
        ...(artifacts.userDefinedMetadata === undefined
          ? {}
          : { userDefinedMetadata: artifacts.userDefinedMetadata }),
        weightsManifest: [{ paths: [MODEL_FILE_NAMES.weights], weights: weightSpecs }],
        weightsSha256: createHash('sha256').update(weightData).digest('hex'),
      };
      await writeAtomically(dir, options.writeFile ?? writeFile, [
        [MODEL_FILE_NAMES.weights, weightData],
        [MODEL_FILE_NAMES.modelJson, `${JSON.stringify(modelJson)}\n`],
      ]);
      return {
        modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON({ ...artifacts, trainingConfig }),
      };
    },
  };
  try {
    await model.save(handler, { includeOptimizer });
  } catch (error) {
    if (ModelsError.isInstance(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelsError(
      'SAVE_FAILED',
      `could not save the model to ${dir}: ${reason}. Check that the directory is writable and the disk has room, then save again`,
      { cause: error },
    );
  }
}

/** Writes every file under a temporary name first, then renames them in order. */
async function writeAtomically(
  dir: string,
  write: (path: string, data: Uint8Array | string) => Promise<void>,
  files: readonly (readonly [string, Uint8Array | string])[],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const token = randomUUID();
  const temps = files.map(([name]) => join(dir, `.${name}.${token}.tmp`));
  try {
    for (const [index, [, content]] of files.entries()) {
      await write(temps[index] ?? '', content);
    }
    for (const [index, [name]] of files.entries()) {
      await rename(temps[index] ?? '', join(dir, name));
    }
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    throw error;
  }
}
