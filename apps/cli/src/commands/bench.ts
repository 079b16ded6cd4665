import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { getPreset } from '@fmnist/models';
import {
  BACKEND_NAMES,
  type BackendName,
  backendThreadsFor,
  nativeThreadsFor,
  selectBackend,
  TrainError,
} from '@fmnist/train';
import {
  measureFloor,
  measurePytorch,
  measureTraining,
  type PytorchSpeed,
} from '@fmnist/train/bench';
import { type Command, Option } from 'commander';
import { backendOptions } from '../backend-options.js';
import { failure } from '../errors.js';
import { type BenchReport, type BenchResult, formatBench } from '../format-bench.js';
import { loadData } from '../load-data.js';
import { createIntegerParser, INTEGER_LIMITS } from '../parse-options.js';

/** Debian's Python, which gets python3-torch from apt (the `python3` on PATH may be another). */
const DEBIAN_PYTHON = '/usr/bin/python3';

const EXAMPLES = `
Examples:
  $ fmnist bench                               # every backend that loads, mlp-adam, 3 whole epochs each
  $ fmnist bench --preset cnn --backend native
  $ fmnist bench --backend wasm --steps 50     # 50 steps of each epoch, scaled up (quick)
  $ fmnist bench --backend native --threads 1  # the native step on one thread
  $ fmnist bench --json

s/epoch is the wall time of a whole epoch (batch assembly included, no validation), the median of
--epochs. With --backend all each backend runs in its own process, so peak RSS is that backend's
alone; the native step is timed on the threads train gives it and on one. For mlp-adam and cnn PyTorch trains the same network on the same data (Debian's
python3-torch) with torch threads 1 and 2 × OPENBLAS_NUM_THREADS 1 and 2, all four printed, and the
ratio is against the fastest; the floor is each of the step's products timed alone at its best
thread count, summed. apt-get install python3-torch libopenblas0-pthread.`;

interface BenchFlags {
  preset: string;
  backend: BackendName | 'auto' | 'all';
  batchSize: number;
  epochs: number;
  steps?: number;
  dataDir?: string;
  json?: boolean;
  trainingOnly?: boolean;
  pytorch: boolean;
  pytorchEpochs: number;
  python: string;
  floor: boolean;
  /** Threads of the backend timed (the wasm backend's and the native step's); default as `fmnist train` chooses. */
  threads?: number;
}

function timePytorch(flags: BenchFlags, dataDir: string): BenchReport['pytorch'] {
  const settings: PytorchSpeed[] = [];
  for (const threads of [1, 2]) {
    for (const openblasThreads of [1, 2]) {
      process.stderr.write(
        `benchmarking pytorch (torch threads ${threads}, OPENBLAS_NUM_THREADS ${openblasThreads})…\n`,
      );
      const torch = measurePytorch({
        python: flags.python,
        dataDir,
        preset: flags.preset as 'mlp-adam' | 'cnn',
        epochs: flags.pytorchEpochs,
        threads,
        openblasThreads,
        batchSize: flags.batchSize,
      });
      if (!torch.ok) return { available: false, reason: torch.reason };
      settings.push(torch.speed);
    }
  }
  const best = settings.reduce((a, b) => (b.secondsPerEpoch < a.secondsPerEpoch ? b : a));
  return { available: true, settings, best };
}

async function measureHere(flags: BenchFlags): Promise<BenchReport> {
  const spec = getPreset(flags.preset);
  const dataDir = flags.dataDir && resolve(flags.dataDir);
  let started = performance.now();
  const data = await loadData({ dataDir });
  const coldSeconds = (performance.now() - started) / 1000;
  const report: BenchReport = { preset: flags.preset, batchSize: flags.batchSize, results: [] };
  if (!flags.trainingOnly) {
    started = performance.now();
    await loadData({ dataDir });
    report.dataset = {
      location: data.source.location,
      kind: data.source.kind,
      coldSeconds,
      warmSeconds: (performance.now() - started) / 1000,
      trainCount: data.train.count,
    };
    if (flags.floor) {
      const floor = await measureFloor({
        spec,
        batchSize: flags.batchSize,
        count: data.train.count,
      });
      report.floor = floor.ok
        ? { available: true, ...floor.floor }
        : { available: false, reason: floor.reason };
    }
    if (flags.pytorch && (flags.preset === 'mlp-adam' || flags.preset === 'cnn')) {
      report.pytorch = timePytorch(flags, data.source.location);
    }
  }
  if (flags.backend === 'all') return report;
  let choice: Awaited<ReturnType<typeof selectBackend>>;
  try {
    // --threads is the timed step's: the native step's threads leave the tfjs wasm backend that
    // holds its model on what train gives it (a wasm pool of its own would add its workers' memory).
    const threads = !flags.threads
      ? {}
      : flags.backend === 'native'
        ? { nativeThreads: flags.threads }
        : flags.backend === 'wasm'
          ? { wasmThreads: flags.threads }
          : { wasmThreads: flags.threads, nativeThreads: flags.threads };
    choice = await selectBackend(flags.backend, {
      ...backendOptions(backendThreadsFor(spec)),
      ...threads,
    });
  } catch (error) {
    if (!TrainError.isInstance(error) || error.code !== 'BACKEND_UNAVAILABLE') throw error;
    report.results.push({ backend: flags.backend, available: false, reason: error.message });
    return report;
  }
  process.stderr.write(`benchmarking ${choice.name}…\n`);
  const speed = await measureTraining({
    spec,
    data: data.train,
    batchSize: flags.batchSize,
    epochs: flags.epochs,
    steps: flags.steps,
    backend: choice,
  });
  report.results.push({
    backend: choice.name,
    available: true,
    reason: choice.reason,
    threads: choice.threads,
    matmul: choice.matmul,
    engine: speed.engine,
    msPerStep: speed.msPerStep,
    secondsPerEpoch: speed.secondsPerEpoch,
    epochSeconds: speed.epochSeconds,
    samplesPerSecond: speed.samplesPerSecond,
    peakRssBytes: speed.peakRssBytes,
    rssPerEpochBytes: speed.rssPerEpochBytes,
    steps: speed.steps,
    stepsPerEpoch: speed.stepsPerEpoch,
    extrapolated: speed.extrapolated,
    batchSize: speed.batchSize,
  });
  return report;
}

// Each backend in a child process of this same binary, so that memory and kernels do not mix.
function measureInChild(name: BackendName, flags: BenchFlags, threads?: number): BenchResult {
  process.stderr.write(
    `benchmarking ${name}${threads ? ` on ${threads} thread${threads === 1 ? '' : 's'}` : ''}…\n`,
  );
  const args = [
    process.argv[1] ?? '',
    'bench',
    '--backend',
    name,
    '--preset',
    flags.preset,
    '--batch-size',
    String(flags.batchSize),
    '--epochs',
    String(flags.epochs),
    ...(flags.steps ? ['--steps', String(flags.steps)] : []),
    ...(threads ? ['--threads', String(threads)] : []),
    '--json',
    '--training-only',
    ...(flags.dataDir ? ['--data-dir', resolve(flags.dataDir)] : []),
  ];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  try {
    const report = JSON.parse(child.stdout) as BenchReport;
    if (report.results[0]) return report.results[0];
  } catch {
    // No JSON: the child failed before measuring; its error line says why.
  }
  const why =
    child.stderr
      .trim()
      .split('\n')
      .find((l) => l.startsWith('error')) ?? `exited with ${child.status ?? child.signal}`;
  return { backend: name, available: false, reason: why };
}

/** Register `fmnist bench`. */
export function addBenchCommand(program: Command): void {
  program
    .command('bench')
    .summary('time training per backend, and the dataset load')
    .description(
      "Time whole training epochs of a preset on each backend that loads — s/epoch, ms/step, samples/s, peak RSS — beside PyTorch at its best and the step's arithmetic floor, and the dataset's cold and warm load times.",
    )
    .option('-p, --preset <name>', 'the preset to time', 'mlp-adam')
    .addOption(
      new Option('--backend <name>', 'a backend, or all of them')
        .choices(['all', 'auto', ...BACKEND_NAMES])
        .default('all'),
    )
    .option(
      '-b, --batch-size <n>',
      'images per step',
      createIntegerParser(INTEGER_LIMITS.batchSize),
      200,
    )
    .option(
      '--epochs <n>',
      'timed epochs per backend (the median is reported)',
      createIntegerParser(INTEGER_LIMITS.epochs),
      3,
    )
    .option(
      '--steps <n>',
      'time only n steps of each epoch and scale up (quick, less exact)',
      createIntegerParser(INTEGER_LIMITS.steps),
    )
    .option('--data-dir <dir>', 'the four IDX files (default: where every command looks)')
    .option('--json', 'print the measurements as JSON on stdout')
    .option('--no-pytorch', "skip PyTorch's epochs (timed when --python can import torch)")
    .option(
      '--pytorch-epochs <n>',
      'whole PyTorch epochs per setting',
      createIntegerParser(INTEGER_LIMITS.epochs),
      3,
    )
    .option('--python <path>', 'the Python that has torch', DEBIAN_PYTHON)
    .option('--no-floor', "skip timing the step's products alone")
    .option(
      '--threads <n>',
      "threads of the backend timed (wasm's, the native step's); default what train gives the preset",
      createIntegerParser({ min: 1, max: 8, example: 2 }),
    )
    .addOption(new Option('--training-only').hideHelp())
    .addHelpText('after', EXAMPLES)
    .action(async (flags: BenchFlags) => {
      getPreset(flags.preset);
      const report = await measureHere(flags);
      if (flags.backend === 'all') {
        // The native step on the threads train gives it, and on one: the choice, measured.
        const nativeThreads = nativeThreadsFor(getPreset(flags.preset));
        for (const name of BACKEND_NAMES) {
          if (name !== 'native') report.results.push(measureInChild(name, flags));
          else
            for (const threads of new Set([nativeThreads, 1]))
              report.results.push(measureInChild(name, flags, threads));
        }
      }
      process.stdout.write(
        flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatBench(report)}\n`,
      );
      if (!flags.trainingOnly && !report.results.some((r) => r.available)) {
        throw failure(
          'no backend could be timed',
          'fmnist bench --backend cpu always works; see the reasons above.',
        );
      }
    });
}
