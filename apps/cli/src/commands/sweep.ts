import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadFashionMnist, splitHoldout } from '@fmnist/dataset';
import { deriveSeed } from '@fmnist/models';
import { createLocalJobRunner } from '@fmnist/runs';
import {
  BUILT_IN_SPACE_NAMES,
  createBuiltInSpaces,
  formatSweepTableText,
  isBuiltInSpaceName,
  readSweepFile,
  runSweep,
  STRATEGY_NAMES,
  type StrategyName,
  type SweepEvent,
  type SweepRunner,
  validateSearchSpace,
} from '@fmnist/sweep';
import { type TrainJob, trainJobArgs, trainJobScript } from '@fmnist/train';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import pkg from '../../package.json' with { type: 'json' };
import { displayPath } from '../display-path.js';
import { EXIT_CODES, failure, usageError } from '../errors.js';
import { createIntegerParser, INTEGER_LIMITS, parseInteger } from '../parse-options.js';
import { connectQueueRunner } from '../queue-client.js';
import { toTrialJob } from '../sweep-trial-job.js';
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

/** Reads a search space: a built-in one by name, else a JSON file. */
async function readSpace(source: string): Promise<Record<string, unknown>> {
  if (isBuiltInSpaceName(source)) return createBuiltInSpaces()[source];
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (cause) {
    throw usageError(
      `no built-in search space is called ${JSON.stringify(source)}, and no file is there either (${(cause as Error).message})`,
      `Built-in spaces: ${BUILT_IN_SPACE_NAMES.join(', ')}; or give the path of a search-space JSON file.`,
    );
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (cause) {
    throw failure(`${source} is not JSON: ${(cause as Error).message}`, undefined, cause);
  }
}

function printEvent(event: SweepEvent, stream: NodeJS.WritableStream): void {
  if (event.type === 'planned') {
    const { plan } = event.file;
    const verb = event.resumed ? 'Resuming' : 'Sweep';
    stream.write(
      `${pc.bold(verb)} ${event.file.name}: ${plan.strategy}, ${plan.trials} configurations × ${plan.seeds.length} seed${plan.seeds.length === 1 ? '' : 's'}, ` +
        `${plan.minEpochs === undefined ? '' : `${plan.minEpochs} → `}${plan.epochs} epochs, ${event.file.runner.jobs} at a time` +
        `${event.file.runner.queue ? ` on ${event.file.runner.queue}` : ''}\n  ${displayPath(event.dir)}\n`,
    );
  } else if (event.type === 'trial-started') {
    const { job, action } = event.task;
    const verb =
      job.fromEpochs > 0
        ? `extend ${job.fromEpochs} → ${job.epochs}`
        : action === 'resume'
          ? 'resume'
          : 'start';
    stream.write(pc.dim(`  ${job.id}: ${verb} ${JSON.stringify(job.configuration.params)}\n`));
  } else if (event.type === 'trial-event') {
    const inner = event.event as {
      type?: string;
      epoch?: number;
      epochs?: number;
      valAccuracy?: number;
    };
    if (inner.type === 'epoch') {
      stream.write(
        pc.dim(
          `  ${event.job.id}: epoch ${inner.epoch}/${inner.epochs}${inner.valAccuracy === undefined ? '' : `, val acc ${inner.valAccuracy.toFixed(4)}`}\n`,
        ),
      );
    }
  } else if (event.type === 'trial-finished') {
    const { result, outcome, job } = event;
    const text = result
      ? result.status === 'completed'
        ? pc.green(`val acc ${result.valAccuracy.toFixed(4)}`)
        : pc.yellow(`failed (a result, not retried): ${result.reason}`)
      : pc.red(
          `${outcome.status}, no result: ${outcome.error?.message ?? 'stopped'} (run again with --resume)`,
        );
    stream.write(`  ${job.id}: ${text}\n`);
  }
}

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
  const space = source ? await readSpace(source) : undefined;
  // Check the space (and the plan) before loading data: errors with JSON paths, at once.
  const checked = space
    ? validateSearchSpace(space)
    : validateSearchSpace((await readSweepFile(resolve(flags.resume as string))).space);
  // Reach the queue first: an unreachable one fails within seconds, before the data is read.
  const queue = flags.queue ? await connectQueueRunner(flags.queue, pkg.version) : undefined;
  const data = await loadFashionMnist({
    ...(flags.dataDir === undefined ? {} : { dir: resolve(flags.dataDir) }),
    download: false,
    integrity: 'check',
  });
  const holdoutSeed = flags.resume
    ? (await readSweepFile(resolve(flags.resume))).plan.holdoutSeed
    : (flags.seed ?? 0);
  // The holdout every trial validates on, as train() draws it: for McNemar between trials.
  const holdout = splitHoldout(data.train, {
    size: checked.training.holdout,
    seed: deriveSeed(holdoutSeed, 2),
    stratify: true,
  }).holdout;
  const jobs = flags.jobs ?? Math.max(1, Math.min(2, availableParallelism()));
  const context = {
    name: checked.name,
    ...(checked.preset === undefined ? {} : { preset: checked.preset }),
    dataDir: data.source.location,
    backend: flags.backend,
    wasmThreads: Math.max(1, Math.floor(availableParallelism() / jobs)),
  };
  const out = resolve(flags.out);
  let runner: SweepRunner & { close(): Promise<void> };
  let toRunnerArgs: Parameters<typeof runSweep>[0]['toRunnerArgs'];
  if (queue) {
    runner = queue;
    // A worker resolves the run directory under its own --out (shared storage: the same one).
    toRunnerArgs = (task) =>
      trainJobArgs(toTrialJob(task, context, relative(out, task.runDir), 'start'));
  } else {
    runner = createLocalJobRunner({ prefixArgs: [trainJobScript()] });
    toRunnerArgs = (task) => trainJobArgs(toTrialJob(task, context, task.runDir));
  }
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    process.stderr.write(
      pc.yellow(
        interrupts === 1
          ? '\nInterrupting: running trials finish their batch and save; no new trial starts. Carry on with --resume.\n'
          : '\nStopping now.\n',
      ),
    );
    if (interrupts === 1) controller.abort();
    else process.exit(EXIT_CODES.interrupted);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await runSweep({
      ...(space ? { space } : {}),
      ...(flags.resume ? { resume: resolve(flags.resume) } : {}),
      request: {
        ...(flags.strategy === undefined ? {} : { strategy: flags.strategy }),
        ...(flags.trials === undefined ? {} : { trials: flags.trials }),
        ...(flags.seeds === undefined ? {} : { seeds: flags.seeds }),
        ...(flags.epochs === undefined ? {} : { epochs: flags.epochs }),
        ...(flags.minEpochs === undefined ? {} : { minEpochs: flags.minEpochs }),
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      },
      out,
      runner,
      runnerInfo: {
        kind: flags.queue ? 'queue' : 'local',
        jobs,
        ...(flags.queue ? { queue: (runner as { display?: string }).display ?? flags.queue } : {}),
      },
      toRunnerArgs,
      ...(flags.retrainEpochs === undefined ? {} : { retrainEpochs: flags.retrainEpochs }),
      holdoutLabels: holdout.labels,
      signal: controller.signal,
      onEvent: (event) => printEvent(event, process.stderr),
    });
    if (flags.json) process.stdout.write(`${JSON.stringify(result.file, null, 2)}\n`);
    else {
      process.stdout.write(`\n${formatSweepTableText(result.file.table)}\n`);
      process.stderr.write(
        `\n${result.file.status} in ${result.file.wallSeconds.toFixed(0)} s; ${displayPath(join(result.dir, 'sweep.json'))}, report.md\n`,
      );
    }
    if (result.file.status === 'interrupted') return EXIT_CODES.interrupted;
    return result.file.status === 'completed' ? EXIT_CODES.ok : EXIT_CODES.failure;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runner.close();
  }
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
