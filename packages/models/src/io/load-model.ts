import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ModelsError } from '../errors/models-error.js';
import { countWeightBytes } from './count-weight-bytes.js';
import { loadModelFromArtifacts } from './load-model-from-artifacts.js';
import { MODEL_FILE_NAMES } from './model-file-names.js';

const isMissing = (error: unknown): boolean =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function locateModelJson(path: string): Promise<string> {
  try {
    return (await stat(path)).isFile() ? path : join(path, MODEL_FILE_NAMES.modelJson);
  } catch (error) {
    if (!isMissing(error)) throw error;
    throw new ModelsError(
      'MODEL_FILE_MISSING',
      `no model at ${path}: the path does not exist. Expected a directory written by saveModel (model.json + weights.bin); check the path`,
      { cause: error },
    );
  }
}

async function readModelJson(
  modelPath: string,
): Promise<tf.io.ModelJSON & Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(modelPath, 'utf8');
  } catch (error) {
    if (!isMissing(error)) throw error;
    throw new ModelsError(
      'MODEL_FILE_MISSING',
      `expected ${modelPath}, found no such file. Point loadModel at a directory written by saveModel (model.json + weights.bin)`,
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelsError(
      'MODEL_FILE_INVALID',
      `expected ${modelPath} to be JSON, but it does not parse (${(error as Error).message}): the file is damaged; save the model again`,
      { cause: error },
    );
  }
  const manifest = isRecord(json) ? json.weightsManifest : undefined;
  const manifestOk =
    Array.isArray(manifest) &&
    manifest.every(
      (group) =>
        isRecord(group) &&
        Array.isArray(group.paths) &&
        group.paths.every((p) => typeof p === 'string') &&
        Array.isArray(group.weights),
    );
  if (!isRecord(json) || !isRecord(json.modelTopology) || !manifestOk) {
    throw new ModelsError(
      'MODEL_FILE_INVALID',
      `expected ${modelPath} to be a tfjs LayersModel file with "modelTopology" and "weightsManifest", found ${isRecord(json) ? `keys ${Object.keys(json).join(', ') || '(none)'}` : 'something else'}: save the model with saveModel or tf.LayersModel.save`,
    );
  }
  return json as tf.io.ModelJSON & Record<string, unknown>;
}

async function readWeights(
  modelPath: string,
  manifest: tf.io.WeightsManifestConfig,
): Promise<{ files: { path: string; bytes: number }[]; data: Uint8Array }> {
  const base = dirname(modelPath);
  const files: { path: string; bytes: number }[] = [];
  const chunks: Uint8Array[] = [];
  for (const group of manifest) {
    for (const name of group.paths) {
      const path = resolve(base, name);
      if (relative(base, path).startsWith('..')) {
        throw new ModelsError(
          'MODEL_FILE_INVALID',
          `${modelPath} names weights file ${JSON.stringify(name)} outside its directory: expected a file next to model.json; save the model again`,
        );
      }
      try {
        const chunk = await readFile(path);
        chunks.push(chunk);
        files.push({ path, bytes: chunk.byteLength });
      } catch (error) {
        if (!isMissing(error)) throw error;
        throw new ModelsError(
          'WEIGHTS_FILE_MISSING',
          `${modelPath} needs weights file ${path}, which does not exist: copy it next to model.json (both come from the same save), or save the model again`,
          { cause: error },
        );
      }
    }
  }
  return { files, data: Buffer.concat(chunks) };
}

/**
 * Loads a model written by {@link saveModel} (or any tfjs LayersModel saved as model.json +
 * weight files) from a directory, or from the path of its model.json. Models saved by
 * `saveModel` come back compiled with the optimizer they were saved with.
 *
 * Checks before handing the files to tfjs: a missing model.json or weights file, a weights
 * file of the wrong size (truncated, or from another model) and — when model.json records
 * it — a weights file whose SHA-256 differs each give a ModelsError naming the file.
 *
 * Free the model with `disposeModel(model)`.
 *
 * @throws ModelsError `MODEL_FILE_MISSING`, `MODEL_FILE_INVALID`, `WEIGHTS_FILE_MISSING`,
 *   `WEIGHTS_SIZE_MISMATCH`, `WEIGHTS_CHECKSUM_MISMATCH` or `LOAD_FAILED`
 */
export async function loadModel(dir: string): Promise<tf.LayersModel> {
  const modelPath = await locateModelJson(dir);
  const modelJson = await readModelJson(modelPath);
  const manifest = modelJson.weightsManifest;
  const weightSpecs = tf.io.getWeightSpecs(manifest);
  const { files, data } = await readWeights(modelPath, manifest);
  const fileList = files.map((f) => `${f.path} (${f.bytes} bytes)`).join(', ');
  const expected = countWeightBytes(weightSpecs);
  if (expected !== undefined && expected !== data.byteLength) {
    throw new ModelsError(
      'WEIGHTS_SIZE_MISMATCH',
      `expected ${expected} bytes of weights as ${modelPath} describes, found ${data.byteLength} in ${fileList}: the weights file is truncated or comes from another model; copy model.json and its weights file from the same save, or save the model again`,
    );
  }
  const recorded = modelJson.weightsSha256;
  if (typeof recorded === 'string') {
    const actual = createHash('sha256').update(data).digest('hex');
    if (actual !== recorded) {
      throw new ModelsError(
        'WEIGHTS_CHECKSUM_MISMATCH',
        `expected weights with SHA-256 ${recorded} as ${modelPath} records, found ${actual} in ${fileList}: the weights file comes from another save; copy model.json and its weights file from the same save, or save the model again`,
      );
    }
  }
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const artifacts = tf.io.getModelArtifactsForJSONSync(
    modelJson,
    weightSpecs,
    buffer as ArrayBuffer,
  );
  return loadModelFromArtifacts(artifacts, modelPath);
}
