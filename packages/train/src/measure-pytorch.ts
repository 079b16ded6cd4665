import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** PyTorch's time for the same training epochs, from {@link measurePytorch}. */
export interface PytorchSpeed {
  torch: string;
  /** torch.set_num_threads. */
  threads: number;
  /** OPENBLAS_NUM_THREADS it ran with (OpenBLAS' own threads inside each product). */
  openblasThreads: number;
  batchSize: number;
  /** Seconds of each whole epoch (the training set, no validation). */
  epochs: number[];
  /** The median of `epochs`. */
  secondsPerEpoch: number;
  msPerStep: number;
  peakRssBytes: number;
}

/** Options of {@link measurePytorch}. */
export interface MeasurePytorchOptions {
  /** The Python that has torch (Debian's python3-torch: /usr/bin/python3). */
  python: string;
  dataDir: string;
  preset: 'mlp-adam' | 'cnn';
  /** Whole epochs to time; default 3. */
  epochs?: number;
  /** torch.set_num_threads; default 1. */
  threads?: number;
  /** OPENBLAS_NUM_THREADS; default 1. */
  openblasThreads?: number;
  /** Images per step; default 200, as the notebook. */
  batchSize?: number;
}

/**
 * Train the same network with PyTorch on the same data (Adam, seeded shuffle each epoch) and time
 * whole epochs, for benchmarks to compare against. Returns why not when PyTorch is missing.
 */
export function measurePytorch(
  options: MeasurePytorchOptions,
): { ok: true; speed: PytorchSpeed } | { ok: false; reason: string } {
  const script = fileURLToPath(new URL('../bench/pytorch-epoch.py', import.meta.url));
  const threads = options.threads ?? 1;
  const openblasThreads = options.openblasThreads ?? 1;
  const args = [
    script,
    options.dataDir,
    '--model',
    options.preset,
    '--epochs',
    String(options.epochs ?? 3),
    '--threads',
    String(threads),
    '--batch-size',
    String(options.batchSize ?? 200),
  ];
  const child = spawnSync(options.python, args, {
    encoding: 'utf8',
    maxBuffer: 2 ** 24,
    env: {
      ...process.env,
      OPENBLAS_NUM_THREADS: String(openblasThreads),
      OMP_NUM_THREADS: String(threads),
    },
  });
  if (child.error || child.status !== 0) {
    const why = child.error?.message ?? child.stderr.trim().split('\n').at(-1) ?? 'failed';
    return {
      ok: false,
      reason: `PyTorch not measured (${why}): apt-get install python3-torch libopenblas0-pthread`,
    };
  }
  const result = JSON.parse(child.stdout) as Omit<
    PytorchSpeed,
    'secondsPerEpoch' | 'openblasThreads'
  >;
  const sorted = [...result.epochs].sort((a, b) => a - b);
  return {
    ok: true,
    speed: {
      ...result,
      openblasThreads,
      secondsPerEpoch: sorted[sorted.length >> 1] ?? Number.NaN,
    },
  };
}
