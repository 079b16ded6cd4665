import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { loadModel, saveModel } from '@fmnist/models';
import { CHECKPOINT_FILES, checkpointPaths, pathExists, writeTemporaryFile } from '@fmnist/runs';
import type * as tf from '@tensorflow/tfjs';
import { TrainError } from './errors.js';
import type { HistoryEntry } from './history.js';
import type { OptimizerState } from './optimizer-state.js';

/** Everything but the weights that a checkpoint keeps of a run between epochs. */
export interface CheckpointState {
  /** Epochs completed; the next epoch to run is `epoch + 1`. */
  epoch: number;
  /** The RNG state: every random choice of epoch e derives from (seed, e), so the seed is all there is. */
  rng: { seed: number };
  history: HistoryEntry[];
  events: { epoch: number; type: string; message: string }[];
  callbacks: Record<string, unknown>;
  /** Set when a callback asked to stop after this epoch. */
  stopReason?: string;
}

interface StateFile extends CheckpointState {
  checkpointVersion: 1;
  optimizer: {
    /** The update rules (`'keras-2'`); absent in checkpoints from before them (tfjs' rules). */
    rules?: string;
    learningRate: number;
    accBeta1?: number;
    accBeta2?: number;
    weights: { name: string; shape: number[]; offset: number; length: number }[];
    byteLength: number;
    /** sha256 of optimizer.bin (absent in checkpoints from before it). */
    sha256?: string;
  };
}

/**
 * Write a checkpoint directory atomically: into a temporary sibling first, then swapped in, so a
 * crash leaves the previous checkpoint (or, mid-swap, `<dir>.old`, which {@link loadCheckpoint} uses).
 * Every file goes through `@fmnist/runs`' file layer (`writeTemporaryFile`), where tests inject faults.
 */
export async function saveCheckpoint(
  dir: string,
  model: tf.LayersModel,
  optimizer: OptimizerState,
  state: CheckpointState,
): Promise<void> {
  const temp = `${dir}.tmp`;
  const old = `${dir}.old`;
  await rm(temp, { recursive: true, force: true });
  try {
    await writeCheckpointFiles(temp, model, optimizer, state);
  } catch (error) {
    // A half-written checkpoint.tmp would go on filling a full disk: remove it.
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  await rm(old, { recursive: true, force: true });
  if (await pathExists(dir)) await rename(dir, old);
  await rename(temp, dir);
  await rm(old, { recursive: true, force: true });
}

async function writeCheckpointFiles(
  temp: string,
  model: tf.LayersModel,
  optimizer: OptimizerState,
  state: CheckpointState,
): Promise<void> {
  const files = checkpointPaths(temp);
  await mkdir(temp, { recursive: true });
  await saveModel(model, files.model, { writeFile: writeTemporaryFile });
  let offset = 0;
  const weights = optimizer.weights.map(({ name, shape, values }) => {
    const entry = { name, shape, offset, length: values.length };
    offset += values.length;
    return entry;
  });
  const bytes = new Float32Array(offset);
  for (const [i, w] of optimizer.weights.entries()) bytes.set(w.values, weights[i]?.offset ?? 0);
  const optimizerBytes = new Uint8Array(bytes.buffer);
  await writeTemporaryFile(files.optimizer, optimizerBytes);
  const file: StateFile = {
    checkpointVersion: 1,
    ...state,
    optimizer: {
      rules: optimizer.rules,
      learningRate: optimizer.learningRate,
      accBeta1: optimizer.accBeta1,
      accBeta2: optimizer.accBeta2,
      weights,
      byteLength: bytes.byteLength,
      // One flipped byte would otherwise surface epochs later as a NaN loss.
      sha256: createHash('sha256').update(optimizerBytes).digest('hex'),
    },
  };
  await writeTemporaryFile(files.state, `${JSON.stringify(file)}\n`);
}

/** A checkpoint read back: the model with its weights, the optimizer state and the rest. */
export interface LoadedCheckpoint {
  model: tf.LayersModel;
  optimizer: OptimizerState;
  state: CheckpointState;
}

/**
 * Read a checkpoint written by {@link saveCheckpoint}. Anything missing, truncated or inconsistent
 * is a {@link TrainError} `CHECKPOINT_INVALID` that names the file; nothing is changed on disk.
 */
export async function loadCheckpoint(dir: string): Promise<LoadedCheckpoint> {
  const where = (await pathExists(checkpointPaths(dir).state)) ? dir : `${dir}.old`;
  const files = checkpointPaths(where);
  const invalid = (what: string, cause?: unknown) =>
    new TrainError(
      'CHECKPOINT_INVALID',
      `the checkpoint in ${where} cannot be used: ${what}. The run directory was left as it is; ` +
        'start a new run, or restore the checkpoint from a backup.',
      { cause },
    );
  let file: StateFile;
  try {
    file = JSON.parse(await readFile(files.state, 'utf8')) as StateFile;
  } catch (error) {
    throw invalid(
      `${CHECKPOINT_FILES.state} is missing or not JSON (${(error as Error).message})`,
      error,
    );
  }
  if (
    file?.checkpointVersion !== 1 ||
    !Number.isInteger(file.epoch) ||
    file.epoch < 0 ||
    (Array.isArray(file.history) && file.history.length !== file.epoch) ||
    !Array.isArray(file.history) ||
    !Array.isArray(file.optimizer?.weights)
  ) {
    throw invalid(`${CHECKPOINT_FILES.state} is not a version-1 checkpoint state`);
  }
  let raw: Buffer;
  try {
    raw = await readFile(files.optimizer);
  } catch (error) {
    throw invalid(`${CHECKPOINT_FILES.optimizer} is missing`, error);
  }
  if (raw.byteLength !== file.optimizer.byteLength) {
    throw invalid(
      `${CHECKPOINT_FILES.optimizer} has ${raw.byteLength} bytes, its state says ${file.optimizer.byteLength} (truncated?)`,
    );
  }
  const { sha256 } = file.optimizer;
  if (typeof sha256 === 'string' && createHash('sha256').update(raw).digest('hex') !== sha256) {
    throw invalid(
      `${CHECKPOINT_FILES.optimizer} does not have the checksum its state recorded (the file was changed or damaged)`,
    );
  }
  const floats = new Float32Array(
    raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength),
  );
  let model: tf.LayersModel;
  try {
    model = await loadModel(files.model);
  } catch (error) {
    throw invalid(`its model cannot be loaded: ${(error as Error).message}`, error);
  }
  const { optimizer, checkpointVersion: _, ...state } = file;
  return {
    model,
    state,
    optimizer: {
      rules: optimizer.rules,
      learningRate: optimizer.learningRate,
      accBeta1: optimizer.accBeta1,
      accBeta2: optimizer.accBeta2,
      weights: optimizer.weights.map((w) => ({
        name: w.name,
        shape: w.shape,
        values: floats.slice(w.offset, w.offset + w.length),
      })),
    },
  };
}
