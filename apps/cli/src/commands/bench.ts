import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { getPreset } from '@fmnist/models';
import {
  BACKEND_NAMES,
  type BackendName,
  measurePytorch,
  measureTraining,
  selectBackend,
  TrainError,
  wasmThreadsFor,
} from '@fmnist/train';
import { type Command, Option } from 'commander';
import { failure } from '../errors.js';
import { type BenchReport, type BenchResult, formatBench } from '../format-bench.js';
import { loadData } from '../load-data.js';
import { createIntegerParser, INTEGER_LIMITS } from '../parse-options.js';

const EXAMPLES = `
Examples:
  $ fmnist bench                               # every backend that loads, mlp-adam
  $ fmnist bench --preset cnn --steps 10
  $ fmnist bench --backend wasm --json

With --backend all each backend runs in its own process, so peak RSS is that backend's alone.
For mlp-adam and cnn, PyTorch trains the same network on the same data (Debian's python3-torch,
2 threads) and the ratio of epoch times is printed: apt-get install python3-torch libopenblas0-pthread.`;

interface BenchFlags {
  preset: string;
  backend: BackendName | 'auto' | 'all';
  batchSize: number;
  steps: number;
  dataDir?: string;
  json?: boolean;
  trainingOnly?: boolean;
  pytorch: boolean;
}

async function measureHere(flags: BenchFlags): Promise<BenchReport> {
  const spec = getPreset(flags.preset);
  const dataDir = flags.dataDir && resolve(flags.dataDir);
  let started = performance.now();
  const data = await loadData({ dataDir });
  const coldSeconds = (performance.now() - started) / 1000;
  const report: BenchReport = { preset: flags.preset, results: [] };
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
    if (flags.pytorch && (flags.preset === 'mlp-adam' || flags.preset === 'cnn')) {
      process.stderr.write('benchmarking pytorch…\n');
      const torch = measurePytorch({
        dataDir: data.source.location,
        preset: flags.preset,
        epochs: flags.preset === 'cnn' ? 1 : 3,
        batchSize: flags.batchSize,
      });
      report.pytorch = torch.ok
        ? { available: true, ...torch.speed }
        : { available: false, reason: torch.reason };
    }
  }
  if (flags.backend === 'all') return report;
  let choice: Awaited<ReturnType<typeof selectBackend>>;
  try {
    choice = await selectBackend(flags.backend, { wasmThreads: wasmThreadsFor(spec) });
  } catch (error) {
    if (!TrainError.isInstance(error) || error.code !== 'BACKEND_UNAVAILABLE') throw error;
    report.results.push({ backend: flags.backend, available: false, reason: error.message });
    return report;
  }
  process.stderr.write(`benchmarking ${choice.name}…\n`);
  const speed = measureTraining({
    spec,
    data: data.train,
    batchSize: flags.batchSize,
    steps: flags.steps,
  });
  report.results.push({
    backend: choice.name,
    available: true,
    reason: choice.reason,
    threads: choice.threads,
    matmul: choice.matmul,
    msPerStep: speed.msPerStep,
    secondsPerEpoch: speed.secondsPerEpoch,
    samplesPerSecond: speed.samplesPerSecond,
    peakRssBytes: speed.peakRssBytes,
    rssPerEpochBytes: speed.rssPerEpochBytes,
    steps: speed.steps,
    batchSize: speed.batchSize,
  });
  return report;
}

// Each backend in a child process of this same binary, so that memory and kernels do not mix.
function measureInChild(name: BackendName, flags: BenchFlags): BenchResult {
  process.stderr.write(`benchmarking ${name}…\n`);
  const args = [
    process.argv[1] ?? '',
    'bench',
    '--backend',
    name,
    '--preset',
    flags.preset,
    '--batch-size',
    String(flags.batchSize),
    '--steps',
    String(flags.steps),
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
      "Time training steps of a preset on each backend that loads — ms/step, s/epoch, samples/s, peak RSS — and the dataset's cold and warm load times.",
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
      '--steps <n>',
      'timed steps (after 3 untimed warm-up steps)',
      createIntegerParser(INTEGER_LIMITS.steps),
      20,
    )
    .option('--data-dir <dir>', 'the four IDX files (default: where every command looks)')
    .option('--json', 'print the measurements as JSON on stdout')
    .option('--no-pytorch', "skip PyTorch's epoch (timed when /usr/bin/python3 can import torch)")
    .addOption(new Option('--training-only').hideHelp())
    .addHelpText('after', EXAMPLES)
    .action(async (flags: BenchFlags) => {
      getPreset(flags.preset);
      const report = await measureHere(flags);
      if (flags.backend === 'all') {
        for (const name of BACKEND_NAMES) report.results.push(measureInChild(name, flags));
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
