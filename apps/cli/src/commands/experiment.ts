import { resolve } from 'node:path';
import {
  defaultExperimentJobs,
  type ExperimentResult,
  runExperiment,
  SUITE_NAMES,
  SUITES,
} from '@fmnist/train';
import { type Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { usageError } from '../errors.js';
import { createExperimentProgress } from '../experiment-progress.js';
import { checkResumeFlags } from '../given-flags.js';
import { handleExperimentInterrupt } from '../handle-interrupt.js';
import { loadData } from '../load-data.js';
import {
  createIntegerParser,
  INTEGER_LIMITS,
  parseInteger,
  parseValidationSize,
} from '../parse-options.js';
import { reportExperiment } from '../report-experiment.js';
import { BACKEND_CHOICES } from '../use-backend.js';

/** The flags of `fmnist experiment`, as commander parses them. */
interface ExperimentFlags {
  presets?: string[];
  seeds: number;
  seed: number;
  jobs?: number;
  epochs?: number;
  batchSize?: number;
  validation?: 'holdout' | 'test' | 'none';
  validationSize?: number;
  backend: (typeof BACKEND_CHOICES)[number];
  dataDir?: string;
  out: string;
  resume?: string;
  json?: boolean;
}

// Flags that --resume may be given with; every other setting comes from experiment.json.
const RESUME_FLAGS = new Set(['resume', 'jobs', 'dataDir', 'backend', 'json']);

const EXAMPLES = `
Examples:
  $ fmnist experiment notebook                       # the notebook's five models, as it ran them
  $ fmnist experiment notebook --epochs 20 --seeds 3 # shorter, each model over 3 seeds: mean ± std
  $ fmnist experiment beyond --jobs 1                # + SGD with momentum and a CNN, one at a time
  $ fmnist experiment notebook --presets mlp-adam,mlp-sgd --epochs 5
  $ fmnist experiment --resume experiments/notebook-20250101-120000   # after Ctrl-C

Suites:
${SUITE_NAMES.map((name) => `  ${name.padEnd(9)} ${SUITES[name].description}`).join('\n')}

Each run is a child process writing experiments/<suite>-<time>/runs/<preset>-seed<k>-<time>/;
experiment.json is rewritten as runs finish. Ctrl-C once lets the running trainings save their last
epoch and prints the --resume command; Ctrl-C twice stops them at once.`;

function parsePresetList(text: string): string[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw new InvalidArgumentError('Expected preset names, e.g. mlp-adam,cnn.');
  return names;
}

/** Register `fmnist experiment <suite>`. */
export function addExperimentCommand(program: Command): void {
  program
    .command('experiment')
    .summary("run a suite of presets (the notebook's comparison) and print one table")
    .description(
      'Train every preset of a suite (over --seeds seeds) in parallel child processes and write ' +
        "experiments/<suite>-<time>/experiment.json: the comparison table against the notebook's " +
        'numbers, mean ± std across seeds and McNemar tests between models.',
    )
    .argument('[suite]', `the suite to run: ${SUITE_NAMES.join(', ')}`)
    .option(
      '--presets <a,b,…>',
      "train these presets with the suite's settings instead of its own",
      parsePresetList,
    )
    .option(
      '--seeds <k>',
      'train each preset with k seeds (--seed, --seed+1, …)',
      createIntegerParser(INTEGER_LIMITS.seeds),
      1,
    )
    .option('--seed <n>', 'the first seed', parseInteger, 0)
    .option(
      '-j, --jobs <n>',
      `trainings at once, each in its own process (default: ${defaultExperimentJobs()} on this machine)`,
      createIntegerParser(INTEGER_LIMITS.jobs),
    )
    .option(
      '-e, --epochs <n>',
      "epochs per run (default: the suite's, 100)",
      createIntegerParser(INTEGER_LIMITS.epochs),
    )
    .option(
      '-b, --batch-size <n>',
      "images per step (default: the suite's, 200)",
      createIntegerParser(INTEGER_LIMITS.batchSize),
    )
    .addOption(
      new Option(
        '--validation <mode>',
        "validate on a holdout, on the test set (the notebook), or not (default: the suite's)",
      ).choices(['holdout', 'test', 'none']),
    )
    .option(
      '--validation-size <n>',
      'holdout size: below 1 a fraction, else a count of images (default 0.1)',
      parseValidationSize,
    )
    .addOption(
      new Option('--backend <name>', 'tfjs backend of every run')
        .choices(BACKEND_CHOICES)
        .default('auto'),
    )
    .option('--data-dir <dir>', 'the four IDX files (default: FMNIST_DATA_DIR, cache, system copy)')
    .option('-o, --out <dir>', 'where experiment directories go', './experiments')
    .option(
      '--resume <experiment dir>',
      'finish an interrupted experiment: skip finished runs, resume the others',
    )
    .option(
      '--json',
      'print the experiment record (experiment.json) on stdout; progress stays on stderr',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (suite: string | undefined, flags: ExperimentFlags, command: Command) => {
      process.exitCode = await experimentCommand(suite, flags, command);
    });
}

/** The settings of a new experiment from the flags, checked as far as the command line goes. */
async function newExperimentSettings(suite: string | undefined, flags: ExperimentFlags) {
  if (suite === undefined) {
    throw usageError(
      `say which suite to run: ${SUITE_NAMES.join(', ')}`,
      'e.g. fmnist experiment notebook, or fmnist experiment --resume <experiment dir>.',
    );
  }
  if (flags.validationSize !== undefined) {
    const validation = flags.validation ?? SUITES[suite as keyof typeof SUITES]?.validation;
    if (validation !== undefined && validation !== 'holdout') {
      throw usageError(
        `--validation-size sets the holdout's size; the runs validate with ${validation}`,
        'Drop --validation-size, or add --validation holdout.',
      );
    }
  }
  return {
    suite,
    presets: flags.presets,
    seeds: flags.seeds,
    seed: flags.seed,
    epochs: flags.epochs,
    batchSize: flags.batchSize,
    validation: flags.validation,
    validationSize: flags.validationSize,
    backend: flags.backend,
    out: resolve(flags.out),
  };
}

async function experimentCommand(
  suite: string | undefined,
  flags: ExperimentFlags,
  command: Command,
): Promise<number> {
  const err = process.stderr;
  const resuming = flags.resume !== undefined;
  if (resuming) {
    checkResumeFlags(
      command,
      RESUME_FLAGS,
      '--resume goes on with the settings the experiment started with',
      'Drop those flags (only --jobs, --data-dir, --backend and --json go with --resume), or start a new experiment.',
    );
  }
  const settings = resuming
    ? {
        resume: resolve(flags.resume as string),
        suite,
        backend: command.getOptionValueSource('backend') === 'cli' ? flags.backend : undefined,
      }
    : await newExperimentSettings(suite, flags);
  const dataDir = flags.dataDir === undefined ? undefined : resolve(flags.dataDir);
  // A new experiment needs data now (the CLI's search and its message when there is none).
  const data = resuming ? undefined : await loadData({ dataDir });
  const progress = createExperimentProgress({
    stream: err,
    color: err.isTTY === true && pc.isColorSupported,
  });
  const interrupt = handleExperimentInterrupt(err, progress.running);
  let result: ExperimentResult;
  try {
    result = await runExperiment({
      ...settings,
      ...(data ? { data } : {}),
      ...(dataDir === undefined ? {} : { dataDir }),
      jobs: flags.jobs,
      signal: interrupt.signal,
      stopSignal: interrupt.stopSignal,
      onEvent: progress.onEvent,
    });
  } finally {
    interrupt.dispose();
  }
  return reportExperiment(result, flags.json === true);
}
