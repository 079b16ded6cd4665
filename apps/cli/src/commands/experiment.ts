import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import {
  EXPERIMENT_SCHEMA_VERSION,
  type ExperimentRecordInput,
  type ExperimentRun,
  formatExperimentReportMarkdown,
  formatExperimentTableText,
  NOTEBOOK_REFERENCE,
  parseExperimentRecord,
  type ReferenceNumbers,
  type RunRecord,
  summarizeExperiment,
  type TestLabels,
} from '@fmnist/metrics';
import { getPreset } from '@fmnist/models';
import { createTimestampedDirectory, readRunRecord } from '@fmnist/runs';
import { getSuite, SUITE_NAMES, SUITES, TrainError, wasmThreadsFor } from '@fmnist/train';
import { type Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { displayPath, quoteForShell } from '../display-path.js';
import { EXIT_CODES, failure, usageError } from '../errors.js';
import {
  type ExperimentConfig,
  type PlannedRun,
  planRuns,
  readExperimentConfig,
} from '../experiment-config.js';
import { EXPERIMENT_FILE } from '../experiment-files.js';
import { findRunDirectory } from '../find-run-directory.js';
import { givenFlagsExcept } from '../given-flags.js';
import { loadData } from '../load-data.js';
import {
  createIntegerParser,
  INTEGER_LIMITS,
  parseInteger,
  parseValidationSize,
} from '../parse-options.js';
import { readTestLabels } from '../read-test-labels.js';
import { type ExperimentJob, runExperimentJobs } from '../run-experiment-jobs.js';
import { BACKEND_CHOICES } from '../use-backend.js';
import { writeJsonAtomic } from '../write-json-atomic.js';
import { writeOutputFile } from '../write-output-file.js';

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
  backend: ExperimentConfig['backend'];
  dataDir?: string;
  out: string;
  resume?: string;
  json?: boolean;
}

// Flags that --resume may be given with; every other setting comes from experiment.json.
const RESUME_FLAGS = new Set(['resume', 'jobs', 'dataDir', 'backend', 'json']);

/**
 * Children trained at once by default. On the 2-core machine this was measured on (README,
 * "Parallel runs"), two wasm trainings at once finished a suite faster than one after the other:
 * each child's wasm backend computes on one thread.
 */
function defaultJobs(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

const EXAMPLES = `
Examples:
  $ fmnist experiment notebook                       # the notebook's five models, as it ran them
  $ fmnist experiment notebook --epochs 20 --seeds 3 # shorter, each model over 3 seeds: mean ± std
  $ fmnist experiment beyond --jobs 1                # + SGD with momentum and a CNN, one at a time
  $ fmnist experiment notebook --presets mlp-adam,mlp-sgd --epochs 5
  $ fmnist experiment --resume experiments/notebook-20250101-120000   # after Ctrl-C

Suites:
${SUITE_NAMES.map((name) => `  ${name.padEnd(9)} ${SUITES[name].description}`).join('\n')}

Each run is an fmnist train child process writing experiments/<suite>-<time>/runs/<preset>-seed<k>-<time>/;
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
      `trainings at once, each in its own process (default: ${defaultJobs()} on this machine)`,
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
      process.exitCode = await runExperiment(suite, flags, command);
    });
}

function checkResumeFlags(command: Command): void {
  const flags = givenFlagsExcept(command, RESUME_FLAGS);
  if (flags.length > 0) {
    throw usageError(
      `--resume goes on with the settings the experiment started with; it cannot take ${flags.join(', ')}`,
      'Drop those flags (only --jobs, --data-dir, --backend and --json go with --resume), or start a new experiment.',
    );
  }
}

function resolveSuite(name: string | undefined) {
  if (name === undefined) {
    throw usageError(
      `say which suite to run: ${SUITE_NAMES.join(', ')}`,
      'e.g. fmnist experiment notebook, or fmnist experiment --resume <experiment dir>.',
    );
  }
  try {
    return getSuite(name);
  } catch (error) {
    if (TrainError.isInstance(error)) {
      throw usageError(error.message, 'fmnist experiment --help describes each suite.');
    }
    throw error;
  }
}

/** What `experiment.json` holds beyond the schema: how to go on, and the time spent. */
type ExperimentFile = ExperimentRecordInput & {
  config: ExperimentConfig;
  wallSeconds: number;
};

async function readExperimentFile(dir: string): Promise<ExperimentFile> {
  const path = join(dir, EXPERIMENT_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw failure(
      `expected an experiment directory with ${EXPERIMENT_FILE}, found none at ${displayPath(path)}`,
      'Pass a directory that fmnist experiment wrote, e.g. experiments/notebook-20250101-120000.',
      error,
    );
  }
  let record: ReturnType<typeof parseExperimentRecord>;
  try {
    record = parseExperimentRecord(text);
  } catch (error) {
    throw failure(
      `${displayPath(path)} is not a valid experiment record: ${(error as Error).message}`,
      'The file is damaged or from another tool; start a new experiment.',
      error,
    );
  }
  const config = readExperimentConfig(record.config, displayPath(path));
  const wallSeconds = typeof record.wallSeconds === 'number' ? record.wallSeconds : 0;
  return { ...record, config, wallSeconds };
}

function trainArgs(run: PlannedRun, config: ExperimentConfig, runsDir: string): string[] {
  return [
    'train',
    '--preset',
    run.preset,
    '--seed',
    String(run.seed),
    '--epochs',
    String(config.epochs),
    '--batch-size',
    String(config.batchSize),
    '--validation',
    config.validation,
    ...(config.validationSize === undefined
      ? []
      : ['--validation-size', String(config.validationSize)]),
    '--backend',
    config.backend,
    '--data-dir',
    config.dataDir,
    '--out',
    runsDir,
    '--name',
    run.name,
    '--json',
  ];
}

const resumeArgs = (runDir: string, config: ExperimentConfig): string[] => [
  'train',
  '--resume',
  runDir,
  '--backend',
  config.backend,
  '--data-dir',
  config.dataDir,
  '--json',
];

async function runExperiment(
  suiteName: string | undefined,
  flags: ExperimentFlags,
  command: Command,
): Promise<number> {
  const err = process.stderr;
  const started = Date.now();
  let dir: string;
  let file: ExperimentFile;

  if (flags.resume !== undefined) {
    checkResumeFlags(command);
    dir = resolve(flags.resume);
    file = await readExperimentFile(dir);
    if (suiteName !== undefined && suiteName !== file.suite) {
      throw usageError(
        `the experiment in ${displayPath(dir)} runs the suite ${file.suite}, not ${suiteName}`,
        `Resume it with: fmnist experiment --resume ${quoteForShell(displayPath(dir))}`,
      );
    }
    if (file.status === 'completed') {
      throw failure(
        `the experiment in ${displayPath(dir)} is already completed; there is nothing to resume`,
        `Start a new one, e.g. fmnist experiment ${file.suite}.`,
      );
    }
    if (command.getOptionValueSource('backend') === 'cli') file.config.backend = flags.backend;
    if (flags.dataDir !== undefined) file.config.dataDir = resolve(flags.dataDir);
  } else {
    const suite = resolveSuite(suiteName);
    const presets = flags.presets ?? [...suite.presets];
    for (const preset of presets) getPreset(preset);
    const validation = flags.validation ?? suite.validation;
    if (flags.validationSize !== undefined && validation !== 'holdout') {
      throw usageError(
        `--validation-size sets the holdout's size; the runs validate with ${validation}`,
        'Drop --validation-size, or add --validation holdout.',
      );
    }
    const data = await loadData({ dataDir: flags.dataDir && resolve(flags.dataDir) });
    const config: ExperimentConfig = {
      presets,
      seeds: Array.from({ length: flags.seeds }, (_, i) => flags.seed + i),
      epochs: flags.epochs ?? suite.epochs,
      batchSize: flags.batchSize ?? suite.batchSize,
      validation,
      ...(flags.validationSize === undefined ? {} : { validationSize: flags.validationSize }),
      backend: flags.backend,
      dataDir: data.source.location,
    };
    dir = await createTimestampedDirectory(resolve(flags.out), suite.name);
    const references = Object.fromEntries(
      presets.flatMap((preset) =>
        Object.hasOwn(NOTEBOOK_REFERENCE, preset)
          ? [[preset, NOTEBOOK_REFERENCE[preset as keyof typeof NOTEBOOK_REFERENCE]]]
          : [],
      ),
    );
    file = {
      schemaVersion: EXPERIMENT_SCHEMA_VERSION,
      id: basename(dir),
      suite: suite.name,
      createdAt: new Date().toISOString(),
      status: 'running',
      runs: [],
      rows: [],
      references,
      config,
      wallSeconds: 0,
    };
  }

  const config = file.config;
  const runsDir = join(dir, 'runs');
  const data = await loadData({ dataDir: config.dataDir });
  const testLabels: TestLabels = readTestLabels(data);
  const planned = planRuns(config);
  const parallel = flags.jobs ?? defaultJobs();
  const shown = displayPath(dir);
  err.write(
    `${pc.bold('Experiment')}: ${shown} — suite ${file.suite}: ${config.presets.length} preset${config.presets.length === 1 ? '' : 's'} × ${config.seeds.length} seed${config.seeds.length === 1 ? '' : 's'} = ${planned.length} runs, ${config.epochs} epochs, batch ${config.batchSize}, validation ${config.validation}; ${parallel} at a time\n`,
  );
  err.write(
    `${pc.bold('Data')}: ${data.source.location} (${data.verified ? 'verified Fashion-MNIST' : pc.yellow('not verified as Fashion-MNIST')})\n`,
  );

  // Where each planned run stands: its directory and record once known.
  const state = new Map<
    string,
    { run: PlannedRun; dir?: string; record?: RunRecord; status?: ExperimentRun['status'] }
  >();
  // Parallel runs share the cores: no run's wasm backend takes more threads than its share.
  const share = Math.max(1, Math.floor(availableParallelism() / parallel));
  const threadsFor = (preset: string) =>
    parallel === 1 || process.env.FMNIST_WASM_THREADS
      ? undefined
      : { FMNIST_WASM_THREADS: String(Math.min(share, wasmThreadsFor(getPreset(preset)))) };
  const jobs: ExperimentJob[] = [];
  for (const run of planned) {
    const runDir = await findRunDirectory(runsDir, run.name);
    const record =
      runDir === undefined ? undefined : await readRunRecord(runDir).catch(() => undefined);
    state.set(run.name, { run, dir: runDir, record, status: record?.status });
    if (record?.status === 'completed') continue;
    jobs.push({
      run,
      env: threadsFor(run.preset),
      args:
        runDir !== undefined && record !== undefined
          ? resumeArgs(runDir, config)
          : trainArgs(run, config, runsDir),
    });
  }
  if (flags.resume !== undefined) {
    const done = planned.length - jobs.length;
    err.write(
      `${pc.bold('Resuming')}: ${done} of ${planned.length} runs finished; ${jobs.filter((j) => j.args[1] === '--resume').length} to resume, ${jobs.filter((j) => j.args[1] !== '--resume').length} to start\n`,
    );
  }

  const build = (status: ExperimentRun['status']): ExperimentFile => {
    const runs: ExperimentRun[] = [];
    for (const { run, dir: runDir, status: runStatus } of state.values()) {
      if (runDir === undefined || runStatus === undefined) continue;
      runs.push({
        preset: run.preset,
        seed: run.seed,
        path: relative(dir, runDir),
        status: runStatus,
      });
    }
    const parts = summarizeExperiment(
      [...state.values()].flatMap(({ run, record }) =>
        record === undefined ? [] : [{ preset: run.preset, seed: run.seed, record }],
      ),
      { references: file.references as Record<string, ReferenceNumbers>, testLabels },
    );
    const { finishedAt: _previous, ...rest } = file;
    return {
      ...rest,
      status,
      ...(status === 'completed' || status === 'failed'
        ? { finishedAt: new Date().toISOString() }
        : {}),
      runs,
      rows: parts.rows,
      summary: parts.summary,
      mcnemar: parts.mcnemar,
      wallSeconds: file.wallSeconds + (Date.now() - started) / 1000,
    };
  };
  // Writes go one after another, so the last state always wins.
  let writing = Promise.resolve();
  const save = (status: ExperimentRun['status']) => {
    const next = build(status);
    writing = writing.then(() => writeJsonAtomic(join(dir, EXPERIMENT_FILE), next));
    return writing;
  };
  await save('running');

  let finished = planned.length - jobs.length;
  const { interrupted } = await runExperimentJobs({
    jobs,
    parallel,
    stream: err,
    color: err.isTTY === true && pc.isColorSupported,
    onLine: (job, line) => {
      const match = /^Run: (.+)$/.exec(line);
      const entry = state.get(job.run.name);
      if (match?.[1] !== undefined && entry !== undefined) {
        entry.dir = resolve(match[1]);
        entry.status = 'running';
        void save('running');
      }
    },
    onExit: async (job, exit) => {
      const entry = state.get(job.run.name);
      if (entry === undefined) return;
      entry.dir ??= await findRunDirectory(runsDir, job.run.name);
      entry.record =
        entry.dir === undefined ? undefined : await readRunRecord(entry.dir).catch(() => undefined);
      entry.status =
        entry.record?.status === 'completed'
          ? 'completed'
          : exit.code === EXIT_CODES.interrupted || exit.signal !== null
            ? 'interrupted'
            : 'failed';
      if (entry.status === 'completed') finished += 1;
      const test = entry.record?.metrics?.test?.accuracy;
      const label = `${job.run.preset} seed${job.run.seed}`;
      err.write(
        entry.status === 'completed'
          ? `${pc.green('✓')} ${label} completed (${finished}/${planned.length} runs): test accuracy ${test?.toFixed(4) ?? '-'}\n`
          : `${pc.yellow('•')} ${label} ${entry.status} (exit ${exit.code ?? exit.signal})\n`,
      );
      await save('running');
    },
  });

  const failed = [...state.values()].filter((entry) => entry.status === 'failed');
  const status: ExperimentRun['status'] = interrupted
    ? 'interrupted'
    : failed.length > 0
      ? 'failed'
      : 'completed';
  const final = build(status);
  await writing;
  await writeJsonAtomic(join(dir, EXPERIMENT_FILE), final);
  const parsed = parseExperimentRecord(final);
  await writeReport(dir, parsed);

  const resumeCommand = `fmnist experiment --resume ${quoteForShell(shown)}`;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(final, null, 2)}\n`);
  } else {
    const lines = [formatExperimentTableText(parsed)];
    const notes = describeSettings(config);
    if (notes !== undefined) lines.push('', notes);
    lines.push(
      '',
      `${pc.green('Experiment saved')}: ${shown} (${EXPERIMENT_FILE}, report.md, runs/) — ${formatDuration(final.wallSeconds)} wall time`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (interrupted) {
    err.write(
      `${pc.yellow('Interrupted')}: ${finished} of ${planned.length} runs finished; the others keep their last completed epoch.\n` +
        `Resume it with:\n  ${resumeCommand}\n`,
    );
    return EXIT_CODES.interrupted;
  }
  if (failed.length > 0) {
    err.write(
      `${pc.red('error')}: ${failed.length} run${failed.length === 1 ? '' : 's'} failed: ${failed.map((f) => `${f.run.preset} seed${f.run.seed}`).join(', ')} (their output above says why)\n` +
        `Fix the cause and run them again with: ${resumeCommand}\n`,
    );
    return EXIT_CODES.failure;
  }
  return EXIT_CODES.ok;
}

async function writeReport(
  dir: string,
  record: ReturnType<typeof parseExperimentRecord>,
): Promise<void> {
  await writeOutputFile(join(dir, 'report.md'), formatExperimentReportMarkdown(record));
}

/** Say how the runs differ from the notebook's settings, which its figures come from. */
function describeSettings(config: ExperimentConfig): string | undefined {
  const differences: string[] = [];
  if (config.epochs !== 100) differences.push(`${config.epochs} epochs (not 100)`);
  if (config.batchSize !== 200) differences.push(`batch ${config.batchSize} (not 200)`);
  if (config.validation !== 'test') {
    differences.push(`validation ${config.validation} (the notebook validated on the test set)`);
  }
  if (differences.length === 0) return undefined;
  return `note: the notebook's figures come from 100 epochs at batch 200; these runs had ${differences.join(', ')}.`;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${Math.round(seconds - minutes * 60)}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
