import * as tf from '@tensorflow/tfjs';
import { ModelsError } from '../errors/models-error.js';
import { registerKerasOptimizers } from '../optimizers/register-keras-optimizers.js';

/** Hands checked artifacts (or a tfjs IO handler) to tfjs, wrapping its errors. */
export async function loadModelFromArtifacts(
  source: tf.io.ModelArtifacts | tf.io.IOHandler,
  where: string,
): Promise<tf.LayersModel> {
  const handler: tf.io.IOHandler =
    'load' in source && typeof source.load === 'function'
      ? source
      : { load: async () => source as tf.io.ModelArtifacts };
  // model.json names the optimizer to compile with: ours must be known to tfjs' registry.
  registerKerasOptimizers();
  try {
    return await tf.loadLayersModel(handler);
  } catch (error) {
    if (ModelsError.isInstance(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelsError(
      'LOAD_FAILED',
      `could not load a tfjs LayersModel from ${where}: ${reason}. Expected model.json and its weights file as written by saveModel or tf.LayersModel.save`,
      { cause: error },
    );
  }
}
