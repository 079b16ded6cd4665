import * as tf from '@tensorflow/tfjs';
import { ModelsError } from '../errors/models-error.js';
import { loadModelFromArtifacts } from './load-model-from-artifacts.js';

/**
 * Loads a model from files a user picked or dropped in a browser: its model.json and the
 * weights file(s) it names, in any order (wraps `tf.io.browserFiles`).
 *
 * @throws ModelsError `MODEL_FILE_MISSING` when there is not exactly one .json file,
 *   `LOAD_FAILED` when tfjs cannot read them (e.g. a weights file is missing)
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
  const weights = files.filter((file) => file !== modelJson);
  return loadModelFromArtifacts(
    tf.io.browserFiles([modelJson, ...weights]),
    `the files ${files.map((f) => f.name).join(', ')}`,
  );
}
