import * as tf from '@tensorflow/tfjs';
import { ModelsError } from '../errors/models-error.js';
import { countWeightBytes } from './count-weight-bytes.js';
import { loadModelFromArtifacts } from './load-model-from-artifacts.js';

const basename = (path: string): string => path.split('/').pop() ?? path;

/** The weight files model.json names, in manifest order, or a ModelsError saying what is wrong. */
async function matchWeightFiles(modelJson: File, others: readonly File[]): Promise<File[]> {
  let json: unknown;
  try {
    json = JSON.parse(await modelJson.text());
  } catch (error) {
    throw new ModelsError(
      'MODEL_FILE_INVALID',
      `expected ${modelJson.name} to be JSON, but it does not parse: select the model.json written by saveModel or tf.LayersModel.save`,
      { cause: error },
    );
  }
  const manifest = (json as { weightsManifest?: unknown } | null)?.weightsManifest;
  if (!Array.isArray(manifest)) {
    throw new ModelsError(
      'MODEL_FILE_INVALID',
      `expected ${modelJson.name} to be a tfjs LayersModel file with a "weightsManifest", found none: select the model.json written by saveModel or tf.LayersModel.save`,
    );
  }
  const config = manifest as tf.io.WeightsManifestConfig;
  const names = config.flatMap((group) => group.paths.map(basename));
  const missing = names.filter((name) => !others.some((file) => file.name === name));
  if (missing.length > 0) {
    throw new ModelsError(
      'WEIGHTS_FILE_MISSING',
      `${modelJson.name} needs weights file ${missing.map((n) => JSON.stringify(n)).join(', ')}, which is not among the files (${[modelJson, ...others].map((f) => f.name).join(', ')}): select it too`,
    );
  }
  const files = names.map((name) => others.find((file) => file.name === name) as File);
  const expected = countWeightBytes(tf.io.getWeightSpecs(config));
  const found = files.reduce((sum, file) => sum + file.size, 0);
  if (expected !== undefined && expected !== found) {
    throw new ModelsError(
      'WEIGHTS_SIZE_MISMATCH',
      `expected ${expected} bytes of weights as ${modelJson.name} describes, found ${found} in ${files.map((f) => `${f.name} (${f.size} bytes)`).join(', ')}: the weights file is truncated or comes from another model; select model.json and the weights file of the same save`,
    );
  }
  return files;
}

/**
 * Loads a model from files a user picked or dropped in a browser: its model.json and the
 * weights file(s) it names, in any order (wraps `tf.io.browserFiles`). Checks first that every
 * weights file model.json names is there, with the size it describes.
 *
 * @throws ModelsError `MODEL_FILE_MISSING` when there is not exactly one .json file,
 *   `MODEL_FILE_INVALID`, `WEIGHTS_FILE_MISSING`, `WEIGHTS_SIZE_MISMATCH`, or `LOAD_FAILED`
 *   when tfjs cannot read them
 */
export async function loadModelFromFiles(files: readonly File[]): Promise<tf.LayersModel> {
  const jsonFiles = files.filter((file) => file.name.toLowerCase().endsWith('.json'));
  const [modelJson] = jsonFiles;
  if (modelJson === undefined || jsonFiles.length !== 1) {
    throw new ModelsError(
      'MODEL_FILE_MISSING',
      `expected exactly one .json file (model.json) among the files, found ${jsonFiles.length}${jsonFiles.length > 0 ? ` (${jsonFiles.map((f) => f.name).join(', ')})` : ''}: select model.json together with its weights file (weights.bin)`,
    );
  }
  const weights = await matchWeightFiles(
    modelJson,
    files.filter((file) => file !== modelJson),
  );
  return loadModelFromArtifacts(
    tf.io.browserFiles([modelJson, ...weights]),
    `the files ${[modelJson, ...weights].map((f) => f.name).join(', ')}`,
  );
}
