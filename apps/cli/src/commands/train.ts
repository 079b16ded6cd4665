import { readFile, rmdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LoadedDataset } from '@fmnist/dataset';
import {
  applySpecOverrides,
  getPreset,
  type ModelSpec,
  OPTIMIZER_DEFAULTS,
  type OptimizerName,
  parseSpec,
} from '@fmnist/models';
import {
  checkpointPaths,
  createRun,
  openRun,
  pathExists,
  RUN_FILES,
  type RunHandle,
} from '@fmnist/runs';
import {
  type BackendName,
  backendThreadsFor,
  type Callback,
  earlyStopping,
  reduceLrOnPlateau,
  resume,
  type TrainResult,
  train,
  type ValidationOption,
} from '@fmnist/train';
import { type Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { checkSpecFitsData } from '../check-spec-fits-data.js';
import { describeEnvironmentError } from '../describe-environment-error.js';
import { displayPath, quoteForShell } from '../display-path.js';
import { EXIT_CODES, failure, usageError } from '../errors.js';
import { formatEvaluation } from '../format-evaluation.js';
import { givenFlagsExcept } from '../given-flags.js';
import { handleInterrupt } from '../handle-interrupt.js';
import { loadData } from '../load-data.js';
import { loadRunData } from '../load-run.js';
import {
  createIntegerParser,
  INTEGER_LIMITS,
  parseFraction,
  parseInteger,
  parsePositiveNumber,
  parseValidationSize,
} from '../parse-options.js';
import { createTrainProgress } from '../progress.js';
import { readRegularFile } from '../read-regular-file.js';
import { BACKEND_CHOICES, useBackend } from '../use-backend.js';

/** The optimizer names `--optimizer` takes (Keras' spellings work too, in any case). */
const OPTIMIZER_NAMES = Object.keys(OPTIMIZER_DEFAULTS) as OptimizerName[];

/** The flags of `fmnist train`, as commander parses them. */
interface TrainFlags {
  preset?: string;
  spec?: string;
  epochs: number;
  batchSize: number;
  optimizer?: OptimizerName;
  lr?: number;
  momentum?: number;
  validation: 'holdout' | 'test' | 'none';
  validationSize: number;
  seed: number;
  backend: BackendName | 'auto';
  earlyStopping?: number;
  reduceLr?: number;
  dataDir?: string;
  out: string;
  name?: string;
  resume?: string;
  json?: boolean;
}

// Flags that --resume may be given with; every other one comes from the run's record.
const RESUME_FLAGS = new Set(['resume', 'dataDir', 'backend', 'json']);

const EXAMPLES = `
Examples:
  $ fmnist train --preset mlp-adam
  $ fmnist train --preset mlp-sgd --epochs 20 --lr 0.05 --momentum 0.9
  $ fmnist train --spec my-model.json --validation-size 5000 --early-stopping 5
  $ fmnist train --preset cnn --validation test --name notebook-way   # validates on the test set, as the notebook
  $ fmnist train --resume runs/mlp-adam-20250101-120000              # carry on after Ctrl-C

Ctrl-C once finishes the current batch, keeps the last completed epoch and prints the --resume
command; Ctrl-C twice quits at once. Progress goes to stderr, results to stdout.`;

function parseOptimizer(text: string): OptimizerName {
  const name = text.toLowerCase();
  if (!(OPTIMIZER_NAMES as readonly string[]).includes(name)) {
    throw new InvalidArgumentError(`Expected one of ${OPTIMIZER_NAMES.join(', ')}.`);
  }
  return name as OptimizerName;
}

/** Register `fmnist train`. */
export function addTrainCommand(program: Command): void {
  program
    .command('train')
    .summary('train a model from a preset or a spec file, or resume a run')
    .description(
      'Train a model from a preset (--preset) or a model spec JSON file (--spec) and write a run ' +
        'directory (run.json, model/, checkpoint/, report.md). Flags override the spec; the run ' +
        'keeps the effective spec.',
    )
    .option('-p, --preset <name>', 'a built-in preset (fmnist presets lists them)')
    .option('--spec <file>', 'a model spec JSON file, instead of --preset')
    .option('-e, --epochs <n>', 'epochs to train', createIntegerParser(INTEGER_LIMITS.epochs), 100)
    .option(
      '-b, --batch-size <n>',
      'images per training step',
      createIntegerParser(INTEGER_LIMITS.batchSize),
      200,
    )
    .option(
      '--optimizer <name>',
      `replace the spec's optimizer (${OPTIMIZER_NAMES.join(', ')}), with Keras' defaults`,
      parseOptimizer,
    )
    .option('--lr <rate>', "the optimizer's learning rate", parsePositiveNumber)
    .option('--momentum <m>', 'momentum, for sgd and rmsprop (0 ≤ m < 1)', parseFraction)
    .addOption(
      new Option(
        '--validation <mode>',
        'validate on a holdout of the training set, on the test set (the notebook, leaks it), or not',
      )
        .choices(['holdout', 'test', 'none'])
        .default('holdout'),
    )
    .option(
      '--validation-size <n>',
      'holdout size: below 1 a fraction, else a count of images',
      parseValidationSize,
      0.1,
    )
    .option('--seed <n>', 'seeds weights, holdout, shuffles and dropout', parseInteger, 0)
    .addOption(
      new Option('--backend <name>', 'tfjs backend').choices(BACKEND_CHOICES).default('auto'),
    )
    .option(
      '--early-stopping <patience>',
      'stop after this many epochs without a better val_loss (loss with --validation none), keeping the best weights',
      createIntegerParser(INTEGER_LIMITS.patience),
    )
    .option(
      '--reduce-lr <patience>',
      "divide the learning rate by 10 after this many epochs without a better val_loss (loss with --validation none), as Keras' ReduceLROnPlateau",
      createIntegerParser(INTEGER_LIMITS.reduceLrPatience),
    )
    .option('--data-dir <dir>', 'the four IDX files (default: FMNIST_DATA_DIR, cache, system copy)')
    .option('-o, --out <dir>', 'where run directories go', './runs')
    .option('--name <name>', 'name of the run directory (default: the preset or spec name)')
    .option('--resume <run dir>', 'continue an interrupted run with its recorded settings')
    .option('--json', 'print the result as JSON on stdout (progress stays on stderr)')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: TrainFlags, command: Command) => {
      process.exitCode = await runTrain(flags, command);
    });
}

function checkResumeFlags(command: Command): void {
  const flags = givenFlagsExcept(command, RESUME_FLAGS);
  if (flags.length > 0) {
    throw usageError(
      `--resume continues a run with the settings it started with; it cannot take ${flags.join(', ')}`,
      'Drop those flags, or start a new run without --resume.',
    );
  }
}

// A spec is a few hundred bytes; even 10_000 layers take under 1 MB.
const MAX_SPEC_BYTES = 4 * 1024 * 1024;

/** The epoch a checkpoint holds, from its state.json; `fallback` when that cannot be read. */
async function readCheckpointEpoch(dir: string, fallback: number): Promise<number> {
  try {
    const state = JSON.parse(await readFile(checkpointPaths(dir).state, 'utf8')) as {
      epoch?: unknown;
    };
    return typeof state.epoch === 'number' ? state.epoch : fallback;
  } catch {
    return fallback;
  }
}

/**
 * A run stopped by the user's machine (a full disk, a read-only one) after its record exists:
 * the error, plus how to carry on from its checkpoint rather than start again. Anything else as is.
 */
async function withResumeHint(error: unknown, run: RunHandle): Promise<unknown> {
  const problem = describeEnvironmentError(error);
  if (problem === undefined || !(await pathExists(run.paths.record))) return error;
  const checkpoint = await run.findCheckpoint();
  const done = checkpoint === undefined ? 0 : await readCheckpointEpoch(checkpoint, 0);
  const shown = displayPath(run.dir);
  return failure(
    problem.message,
    `${problem.hint}\nThe run is kept in ${shown} (failed, checkpointed after epoch ${done}); to carry on from there instead of starting again:\n  fmnist train --resume ${quoteForShell(shown)}`,
    error,
  );
}

async function readSpecFile(path: string): Promise<unknown> {
  const bytes = await readRegularFile(path, { what: 'spec file', maxBytes: MAX_SPEC_BYTES });
  // A UTF-8 byte order mark (some Windows editors add one) is not part of the JSON.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw failure(
      `the spec file ${path} is not JSON: ${(error as Error).message}`,
      'Fix the file; fmnist presets <name> prints a valid spec to start from.',
      error,
    );
  }
}

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

function describeData(data: LoadedDataset): string {
  const verified = data.verified
    ? 'verified Fashion-MNIST'
    : pc.yellow('not verified as Fashion-MNIST');
  return `${pc.bold('Data')}: ${data.source.location} (${data.source.kind}; ${verified}) — ${data.train.count} train / ${data.test.count} test images`;
}

async function runTrain(flags: TrainFlags, command: Command): Promise<number> {
  const err = process.stderr;
  const out = process.stdout;
  let run: RunHandle;
  let start: (
    signal: AbortSignal,
    onEvent: Parameters<typeof train>[0]['onEvent'],
  ) => Promise<TrainResult>;

  if (flags.resume !== undefined) {
    checkResumeFlags(command);
    run = await openRun(resolve(flags.resume));
    const runDir = run.dir;
    const record = await run.readRecord().catch(async (error: unknown) => {
      await run.close();
      throw error;
    });
    if (record.status === 'completed') {
      throw failure(
        `the run in ${displayPath(runDir)} is already completed; there is nothing to resume`,
        `Start a new run, e.g. fmnist train --preset ${record.preset ?? 'mlp-adam'} --epochs ${record.config.epochs + 10}.`,
      );
    }
    const backend = await useBackend(flags.backend, backendThreadsFor(parseSpec(record.spec)));
    const data = await loadRunData(record, flags.dataDir && resolve(flags.dataDir));
    err.write(`${describeData(data)}\n`);
    // The checkpoint, not run.json, says where training carries on (it is written first, so it
    // can be one epoch ahead of the record).
    const recorded = record.history.at(-1)?.epoch ?? 0;
    const checkpointDir = await run.findCheckpoint();
    if (checkpointDir === undefined && recorded > 0) {
      err.write(
        `${pc.yellow('The checkpoint is missing')}: ${displayPath(runDir)} restarts from scratch; its ${recorded} recorded epochs are trained again (of ${record.config.epochs}).\n`,
      );
    } else {
      const done =
        checkpointDir === undefined ? 0 : await readCheckpointEpoch(checkpointDir, recorded);
      err.write(
        `${pc.bold('Resuming')} ${displayPath(runDir)} after epoch ${done} of ${record.config.epochs}\n`,
      );
    }
    start = (signal, onEvent) =>
      resume(run, {
        data: { train: data.train, test: data.test, source: data.source, verified: data.verified },
        signal,
        backend,
        onEvent,
      });
  } else {
    const { spec, preset } = await resolveSpec(flags);
    const validation = resolveValidationOption(flags, command);
    const callbacks: Callback[] = [];
    const monitor = validation === 'none' ? 'loss' : 'valLoss';
    if (flags.reduceLr !== undefined) {
      callbacks.push(reduceLrOnPlateau({ patience: flags.reduceLr, monitor }));
    }
    if (flags.earlyStopping !== undefined) {
      callbacks.push(
        earlyStopping({ patience: flags.earlyStopping, monitor, restoreBestWeights: true }),
      );
    }
    const backend = await useBackend(flags.backend, backendThreadsFor(spec));
    const data = await loadData({ dataDir: flags.dataDir && resolve(flags.dataDir) });
    err.write(`${describeData(data)}\n`);
    // Checked before the run directory exists, so that a refusal leaves nothing behind.
    for (const split of ['train', 'test'] as const) {
      if (data[split].count === 0) {
        throw failure(
          `the ${split} split in ${displayPath(data.source.location)} has no images: there is nothing to ${split === 'train' ? 'train on' : 'evaluate the run on'}`,
          'Pass --data-dir with a dataset whose four IDX files hold images.',
        );
      }
    }
    checkSpecFitsData(spec, data);
    const name = flags.name ?? preset ?? spec.name ?? 'run';
    run = await createRun(resolve(flags.out), name);
    err.write(`${pc.bold('Run')}: ${displayPath(run.dir)}\n`);
    start = (signal, onEvent) =>
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
      });
  }

  // "Resuming <dir> after epoch k of n" is printed above: the loop's "resumed after epoch k" note
  // would say it twice.
  const progress = createTrainProgress({
    stream: err,
    live: err.isTTY === true,
    quietNotes: ['resumed'],
  });
  const interrupt = handleInterrupt(err);
  let result: TrainResult;
  try {
    result = await start(interrupt.signal, (event) => progress.onEvent(event));
  } catch (error) {
    progress.stop();
    interrupt.dispose();
    await run.close();
    // Refused before its first record (bad options, a spec that does not build): a new run's
    // directory is still empty, and an empty directory would show as a run that never was.
    if (flags.resume === undefined) await rmdir(run.dir).catch(() => {});
    throw await withResumeHint(error, run);
  }
  progress.stop();
  interrupt.dispose();
  await run.close();

  const shown = displayPath(run.dir);
  const resumeCommand = `fmnist train --resume ${quoteForShell(shown)}`;
  if (flags.json) {
    out.write(
      `${JSON.stringify(
        {
          status: result.status,
          runDir: shown,
          epochs: result.history.length,
          metrics: result.record.metrics ?? {},
          ...(result.status === 'interrupted' ? { resume: resumeCommand } : {}),
        },
        null,
        2,
      )}\n`,
    );
  }
  if (result.status === 'interrupted') {
    const done = result.history.at(-1)?.epoch ?? 0;
    err.write(
      `${pc.yellow('Interrupted')}: the run is saved in ${shown} with ${done} of ${result.record.config.epochs} epochs.\n` +
        `Resume it with:\n  ${resumeCommand}\n`,
    );
    return EXIT_CODES.interrupted;
  }
  if (!flags.json) {
    const record = result.record;
    const lines: string[] = [''];
    for (const split of ['train', 'validation'] as const) {
      const metrics = record.metrics?.[split];
      if (metrics) {
        lines.push(
          `${split}: loss ${metrics.loss.toFixed(4)} - accuracy ${metrics.accuracy.toFixed(4)}`,
        );
      }
    }
    out.write(`${lines.join('\n')}\n`);
    const test = record.metrics?.test;
    out.write(
      formatEvaluation({
        split: 'test',
        loss: test?.loss,
        accuracy: test?.accuracy,
        classificationReport: record.classificationReport,
        confusionMatrix: record.confusionMatrix,
        classNames: record.classNames,
      }),
    );
    out.write(
      `${pc.green('Run saved')}: ${shown} (${RUN_FILES.record}, ${RUN_FILES.model}/, ${RUN_FILES.report})\n`,
    );
  }
  return EXIT_CODES.ok;
}
