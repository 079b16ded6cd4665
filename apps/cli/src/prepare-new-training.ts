import { resolve } from 'node:path';
import type { LoadedDataset } from '@fmnist/dataset';
import { applySpecOverrides, getPreset, type ModelSpec, parseSpec } from '@fmnist/models';
import { createRun } from '@fmnist/runs';
import {
  backendThreadsFor,
  createPlateauCallbacks,
  train,
  type ValidationOption,
} from '@fmnist/train';
import type { Command } from 'commander';
import pc from 'picocolors';
import { checkSpecFitsData } from './check-spec-fits-data.js';
import { describeData } from './describe-data.js';
import { displayPath } from './display-path.js';
import { failure, usageError } from './errors.js';
import { loadData } from './load-data.js';
import { readJsonFile } from './read-regular-file.js';
import type { PreparedTraining, TrainFlags } from './train-flags.js';
import { useBackend } from './use-backend.js';

// A spec is a few hundred bytes; even 10_000 layers take under 1 MB.
const MAX_SPEC_BYTES = 4 * 1024 * 1024;

const readSpecFile = (path: string) =>
  readJsonFile(path, {
    what: 'spec file',
    maxBytes: MAX_SPEC_BYTES,
    hint: 'Fix the file; fmnist presets <name> prints a valid spec to start from.',
  });

async function resolveSpec(flags: TrainFlags): Promise<{ spec: ModelSpec; preset?: string }> {
  if (flags.preset !== undefined && flags.spec !== undefined) {
    throw usageError(
      'give --preset or --spec, not both',
      'A spec file can start from fmnist presets <name>.',
    );
  }
  if (flags.preset === undefined && flags.spec === undefined) {
    throw usageError(
      'say what to train: --preset <name> or --spec <file.json>',
      'fmnist presets lists the presets, e.g. fmnist train --preset mlp-adam.',
    );
  }
  const base =
    flags.preset !== undefined
      ? getPreset(flags.preset)
      : parseSpec(await readSpecFile(flags.spec as string));
  const spec = applySpecOverrides(base, {
    optimizer: flags.optimizer,
    learningRate: flags.lr,
    momentum: flags.momentum,
  });
  return flags.preset !== undefined ? { spec, preset: flags.preset } : { spec };
}

function resolveValidationOption(flags: TrainFlags, command: Command): ValidationOption {
  if (flags.validation !== 'holdout') {
    if (command.getOptionValueSource('validationSize') === 'cli') {
      throw usageError(
        `--validation-size sets the holdout's size; it does not go with --validation ${flags.validation}`,
        'Drop --validation-size, or use --validation holdout.',
      );
    }
    return flags.validation;
  }
  return { holdout: flags.validationSize };
}

/** Refuse a split without images, before the run directory exists: a refusal leaves nothing. */
function checkDataHasImages(data: LoadedDataset): void {
  for (const split of ['train', 'test'] as const) {
    if (data[split].count === 0) {
      throw failure(
        `the ${split} split in ${displayPath(data.source.location)} has no images: there is nothing to ${split === 'train' ? 'train on' : 'evaluate the run on'}`,
        'Pass --data-dir with a dataset whose four IDX files hold images.',
      );
    }
  }
}

/**
 * A new run of `fmnist train`: the spec (preset or file, flags over it), the backend and the data
 * (said on stderr), every check that can refuse, then the new run directory.
 */
export async function prepareNewTraining(
  flags: TrainFlags,
  command: Command,
): Promise<PreparedTraining> {
  const err = process.stderr;
  const { spec, preset } = await resolveSpec(flags);
  const validation = resolveValidationOption(flags, command);
  const callbacks = createPlateauCallbacks({
    earlyStopping: flags.earlyStopping,
    reduceLr: flags.reduceLr,
    validation,
  });
  const backend = await useBackend(flags.backend, backendThreadsFor(spec));
  const data = await loadData({ dataDir: flags.dataDir && resolve(flags.dataDir) });
  err.write(`${describeData(data)}\n`);
  checkDataHasImages(data);
  checkSpecFitsData(spec, data);
  const name = flags.name ?? preset ?? spec.name ?? 'run';
  const run = await createRun(resolve(flags.out), name);
  err.write(`${pc.bold('Run')}: ${displayPath(run.dir)}\n`);
  return {
    run,
    resuming: false,
    start: (signal, onEvent) =>
      train({
        spec,
        preset,
        name,
        data: { train: data.train, test: data.test, source: data.source, verified: data.verified },
        epochs: flags.epochs,
        batchSize: flags.batchSize,
        validation,
        seed: flags.seed,
        callbacks,
        signal,
        run,
        backend,
        onEvent,
      }),
  };
}
