import { rmdir } from 'node:fs/promises';
import { OPTIMIZER_DEFAULTS, type OptimizerName } from '@fmnist/models';
import type { TrainResult } from '@fmnist/train';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { handleTrainInterrupt } from '../handle-interrupt.js';
import {
  createIntegerParser,
  INTEGER_LIMITS,
  parseFraction,
  parseInteger,
  parsePositiveNumber,
  parseValidationSize,
} from '../parse-options.js';
import { prepareNewTraining } from '../prepare-new-training.js';
import { prepareResumedTraining } from '../prepare-resumed-training.js';
import { createTrainProgress } from '../progress.js';
import { reportTraining } from '../report-training.js';
import type { TrainFlags } from '../train-flags.js';
import { BACKEND_CHOICES } from '../use-backend.js';
import { withResumeHint } from '../with-resume-hint.js';

/** The optimizer names `--optimizer` takes (Keras' spellings work too, in any case). */
const OPTIMIZER_NAMES = Object.keys(OPTIMIZER_DEFAULTS) as OptimizerName[];

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

async function runTrain(flags: TrainFlags, command: Command): Promise<number> {
  const err = process.stderr;
  const prepared =
    flags.resume !== undefined
      ? await prepareResumedTraining({ ...flags, resume: flags.resume }, command)
      : await prepareNewTraining(flags, command);
  const { run } = prepared;
  // "Resuming <dir> after epoch k of n" is printed above: the loop's "resumed after epoch k" note
  // would say it twice.
  const progress = createTrainProgress({
    stream: err,
    live: err.isTTY === true,
    quietNotes: ['resumed'],
  });
  const interrupt = handleTrainInterrupt(err);
  let result: TrainResult;
  try {
    result = await prepared.start(interrupt.signal, (event) => progress.onEvent(event));
  } catch (error) {
    progress.stop();
    interrupt.dispose();
    await run.close();
    // Refused before its first record (bad options, a spec that does not build): a new run's
    // directory is still empty, and an empty directory would show as a run that never was.
    if (!prepared.resuming) await rmdir(run.dir).catch(() => {});
    throw await withResumeHint(error, run);
  }
  progress.stop();
  interrupt.dispose();
  await run.close();
  return reportTraining(result, run.dir, flags.json === true);
}
