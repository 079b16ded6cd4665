import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { loadFashionMnist } from '@fmnist/dataset';
import { pathExists, runChildJob, runPaths } from '@fmnist/runs';
import { type TrainJob, trainJobArgs, trainJobScript } from '@fmnist/train';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import pkg from '../../package.json' with { type: 'json' };
import { displayPath } from '../display-path.js';
import { EXIT_CODES, failure } from '../errors.js';
import { createIntegerParser, INTEGER_LIMITS } from '../parse-options.js';
import { startWorker } from '../queue-client.js';
import { BACKEND_CHOICES, useBackend } from '../use-backend.js';

/** The flags of `fmnist worker`. */
interface WorkerFlags {
  queue: string;
  out: string;
  jobs: number;
  backend: TrainJob['backend'];
  dataDir?: string;
}

const EXAMPLES = `
Examples:
  $ fmnist worker --queue redis://queue-host:6379 --out /shared/sweeps
  $ fmnist worker --queue redis://:PASSWORD@queue-host:6379 --jobs 2

Takes the trials of \`fmnist sweep --queue\` and trains each in a child process that dies with the
worker. A killed worker's trial is taken up by another (from its checkpoint when --out is shared).
Ctrl-C stops taking trials; the running ones are interrupted and left to other workers.`;

/**
 * A sweep trial on this machine: its run directory under `out`, this machine's data and backend;
 * a trial whose directory already holds a run (taken up again, or promoted by ASHA) resumes it.
 */
async function toLocalJob(
  job: TrainJob,
  out: string,
  dataDir: string,
  backend: TrainJob['backend'],
): Promise<TrainJob> {
  const runDir = isAbsolute(job.runDir) ? job.runDir : join(out, job.runDir);
  await mkdir(runDir, { recursive: true });
  const local = { runDir, dataDir, backend };
  if (job.action === 'start' && (await pathExists(runPaths(runDir).record))) {
    return {
      ...local,
      action: 'resume',
      epochs: job.epochs,
      ...(job.test === false ? { test: false } : {}),
    };
  }
  return { ...job, ...local };
}

async function workerCommand(flags: WorkerFlags): Promise<number> {
  const data = await loadFashionMnist({
    ...(flags.dataDir === undefined ? {} : { dir: resolve(flags.dataDir) }),
    download: false,
    integrity: 'check',
  });
  // What selectBackend chooses here is what the sweep records of this worker ('auto' would say
  // nothing, and could hide two workers on different backends). The trials get the flag as given
  // and choose the same on this machine, so their records say why as train's do.
  const backend = (await useBackend(flags.backend)).name;
  const out = resolve(flags.out);
  const log = (message: string) =>
    process.stderr.write(`${pc.dim(new Date().toISOString().slice(11, 19))} ${message}\n`);
  const worker = await startWorker({
    url: flags.queue,
    version: pkg.version,
    backend,
    concurrency: flags.jobs,
    execute: async (job, options) => {
      let trainJob: TrainJob;
      try {
        trainJob = JSON.parse(job.args[0] ?? '') as TrainJob;
      } catch {
        return {
          id: job.id,
          status: 'failed',
          error: { message: `job ${job.id} is not a train job this fmnist reads` },
        };
      }
      const local = await toLocalJob(trainJob, out, data.source.location, flags.backend);
      return runChildJob(
        { id: job.id, args: trainJobArgs(local) },
        { ...options, prefixArgs: [trainJobScript()] },
      );
    },
    onLog: log,
  });
  log(
    `worker ${worker.identity.host}:${worker.identity.pid} (fmnist ${pkg.version}, ${backend}, ${flags.jobs} at a time) on the queue; runs under ${displayPath(out)}`,
  );
  return new Promise((done) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(EXIT_CODES.interrupted);
      stopping = true;
      log(
        'stopping: running trials are interrupted and left to other workers (Ctrl-C again to quit now)',
      );
      worker.close({ interrupt: true }).then(
        () => done(EXIT_CODES.interrupted),
        (error: unknown) => {
          throw failure(`the worker did not stop cleanly: ${(error as Error).message}`);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Registers `fmnist worker`. */
export function addWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'Run the trials of sweeps started with --queue: take them from Redis and train them here.',
    )
    .requiredOption(
      '--queue <url>',
      'the Redis of the sweep (redis://host:port, rediss:// for TLS)',
    )
    .option(
      '-o, --out <dir>',
      'where run directories go (shared storage: the sweep’s --out)',
      './sweeps',
    )
    .option('-j, --jobs <n>', 'trials at once', createIntegerParser(INTEGER_LIMITS.jobs), 1)
    .addOption(
      new Option('--backend <name>', 'tfjs backend of every trial')
        .choices(BACKEND_CHOICES)
        .default('auto'),
    )
    .option('--data-dir <dir>', 'the four IDX files (default: FMNIST_DATA_DIR, cache, system copy)')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: WorkerFlags) => {
      process.exitCode = await workerCommand(flags);
    });
}
