import { join, resolve } from 'node:path';
import { loadFashionMnist } from '@fmnist/dataset';
import {
  BUILT_IN_SPACE_NAMES,
  formatSweepTableText,
  readSweepFile,
  runSweep,
  STRATEGY_NAMES,
  type StrategyName,
  SWEEP_FILES,
  type SweepRequest,
  type SweepResult,
  validateSearchSpace,
} from '@fmnist/sweep';
import { defaultExperimentJobs, splitValidationHoldout, type TrainJob } from '@fmnist/train';
import { type Command, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { createSweepRunner } from '../create-sweep-runner.js';
import { displayPath } from '../display-path.js';
import { EXIT_CODES, usageError } from '../errors.js';
import { handleSweepInterrupt } from '../handle-interrupt.js';
import { createIntegerParser, INTEGER_LIMITS, parseInteger } from '../parse-options.js';
import { printSweepEvent } from '../print-sweep-event.js';
import { connectQueueRunner } from '../queue-client.js';
import { readSearchSpace } from '../read-search-space.js';
import { BACKEND_CHOICES } from '../use-backend.js';

/** The flags of `fmnist sweep`, as commander parses them. */
interface SweepFlags {
  strategy?: StrategyName;
  trials?: number;
  seeds?: number;
  epochs?: number;
  minEpochs?: number;
  retrainEpochs?: number;
  seed?: number;
  jobs?: number;
  queue?: string;
  out: string;
  resume?: string;
  backend: TrainJob['backend'];
  dataDir?: string;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ fmnist sweep sgd-momentum --strategy asha --trials 16 --seeds 2 --epochs 20
  $ fmnist sweep my-space.json --strategy grid --epochs 5 --jobs 2
  $ fmnist sweep sgd-momentum --queue redis://queue-host:6379 --jobs 4   # trials on fmnist workers
  $ fmnist sweep --resume sweeps/sgd-momentum-20250101-120000           # after Ctrl-C
  $ fmnist sweep sgd-momentum --strategy asha --epochs 20 --retrain-epochs 100   # then the best, 100 epochs, on the test set

Every trial is a run directory under <sweep>/runs/; sweep.json and report.md rank them on the
validation holdout all trials share (the test set is never looked at). Built-in spaces: ${BUILT_IN_SPACE_NAMES.join(', ')}.`;

async function sweepCommand(source: string | undefined, flags: SweepFlags): Promise<number> {
  if (!source && !flags.resume) {
    throw usageError(
      'give a search space (a built-in name or a JSON file), or --resume <sweep dir>',
    );
  }
  if (source && flags.resume) {
    throw usageError(
      'give a search space or --resume <sweep dir>, not both: a resumed sweep keeps its own space',
    );
  }
  const space = source ? await readSearchSpace(source) : undefined;
  const resumed = flags.resume ? await readSweepFile(resolve(flags.resume)) : undefined;
  // Check the space (and the plan) before loading data: errors with JSON paths, at once.
  const checked = validateSearchSpace(space ?? resumed?.space);
  // Reach the queue first: an unreachable one fails within seconds, before the data is read.
  const queue = flags.queue ? await connectQueueRunner(flags.queue, pkg.version) : undefined;
  const data = await loadFashionMnist({
    ...(flags.dataDir === undefined ? {} : { dir: resolve(flags.dataDir) }),
    download: false,
    integrity: 'check',
  });
  // The holdout every trial validates on, as train() draws it: for McNemar between trials.
  const holdout = splitValidationHoldout(
    data.train,
    checked.training.holdout,
    resumed ? resumed.plan.holdoutSeed : (flags.seed ?? 0),
  ).holdout;
  const jobs = flags.jobs ?? defaultExperimentJobs();
  const out = resolve(flags.out);
  const { runner, toRunnerArgs, runnerInfo } = createSweepRunner({
    out,
    jobs,
    ...(queue && flags.queue ? { queue: { runner: queue, url: flags.queue } } : {}),
    context: {
      name: checked.name,
      ...(checked.preset === undefined ? {} : { preset: checked.preset }),
      dataDir: data.source.location,
      backend: flags.backend,
      jobs,
    },
  });
  const interrupt = handleSweepInterrupt(process.stderr);
  try {
    const result = await runSweep({
      ...(space ? { space } : {}),
      ...(flags.resume ? { resume: resolve(flags.resume) } : {}),
      request: toSweepRequest(flags),
      out,
      runner,
      runnerInfo,
      toRunnerArgs,
      ...(flags.retrainEpochs === undefined ? {} : { retrainEpochs: flags.retrainEpochs }),
      holdoutLabels: holdout.labels,
      signal: interrupt.signal,
      onEvent: (event) => printSweepEvent(event, process.stderr),
    });
    return reportSweep(result, flags.json === true);
  } finally {
    interrupt.dispose();
    await runner.close();
  }
}

/** What the flags ask of the plan (a resumed sweep keeps its own). */
function toSweepRequest(flags: SweepFlags): SweepRequest {
  return {
    ...(flags.strategy === undefined ? {} : { strategy: flags.strategy }),
    ...(flags.trials === undefined ? {} : { trials: flags.trials }),
    ...(flags.seeds === undefined ? {} : { seeds: flags.seeds }),
    ...(flags.epochs === undefined ? {} : { epochs: flags.epochs }),
    ...(flags.minEpochs === undefined ? {} : { minEpochs: flags.minEpochs }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
  };
}

/** The table (or sweep.json, with --json) on stdout, how it ended on stderr; the exit code. */
function reportSweep(result: SweepResult, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify(result.file, null, 2)}\n`);
  else {
    process.stdout.write(`\n${formatSweepTableText(result.file.table)}\n`);
    process.stderr.write(
      `\n${result.file.status} in ${result.file.wallSeconds.toFixed(0)} s; ${displayPath(join(result.dir, SWEEP_FILES.record))}, ${SWEEP_FILES.report}\n`,
    );
  }
  if (result.file.status === 'interrupted') return EXIT_CODES.interrupted;
  return result.file.status === 'completed' ? EXIT_CODES.ok : EXIT_CODES.failure;
}

/** Registers `fmnist sweep`. */
export function addSweepCommand(program: Command): void {
  program
    .command('sweep')
    .description(
      'Search hyperparameters: train every configuration of a search space (grid, random or ASHA) and rank them on the shared validation holdout.',
    )
    .argument(
      '[space]',
      `a search-space JSON file, or a built-in space (${BUILT_IN_SPACE_NAMES.join(', ')})`,
    )
    .addOption(
      new Option('--strategy <name>', 'how configurations are chosen (default: random)').choices(
        STRATEGY_NAMES,
      ),
    )
    .option(
      '--trials <n>',
      'configurations to try (default: a whole grid, else 8)',
      createIntegerParser({ min: 1, max: 100_000, example: 16 }),
    )
    .option(
      '--seeds <k>',
      'seeds per configuration (default 1)',
      createIntegerParser(INTEGER_LIMITS.seeds),
    )
    .option(
      '-e, --epochs <n>',
      "epochs per trial; ASHA's last rung (default: the space's)",
      createIntegerParser(INTEGER_LIMITS.epochs),
    )
    .option(
      '--min-epochs <n>',
      "ASHA's first rung (default: epochs / 9, at least 1)",
      createIntegerParser(INTEGER_LIMITS.epochs),
    )
    .option(
      '--retrain-epochs <n>',
      'then retrain the best configuration this long (e.g. 100, as the notebook) and score it on the test set once',
      createIntegerParser(INTEGER_LIMITS.epochs),
    )
    .option('--seed <n>', 'seeds the planning and the shared holdout (default 0)', parseInteger)
    .option(
      '-j, --jobs <n>',
      'trials at once (local processes, or in flight on the queue)',
      createIntegerParser(INTEGER_LIMITS.jobs),
    )
    .option(
      '--queue <url>',
      'run the trials on `fmnist worker`s through this Redis (redis://host:port)',
    )
    .option('-o, --out <dir>', 'where sweep directories go', './sweeps')
    .option('--resume <sweep dir>', 'carry on an interrupted sweep')
    .addOption(
      new Option('--backend <name>', 'tfjs backend of every trial')
        .choices(BACKEND_CHOICES)
        .default('auto'),
    )
    .option('--data-dir <dir>', 'the four IDX files (default: FMNIST_DATA_DIR, cache, system copy)')
    .option('--json', 'print sweep.json on stdout; progress stays on stderr')
    .addHelpText('after', EXAMPLES)
    .action(async (source: string | undefined, flags: SweepFlags) => {
      process.exitCode = await sweepCommand(source, flags);
    });
}
