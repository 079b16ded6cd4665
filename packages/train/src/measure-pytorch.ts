import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Debian's Python, which gets python3-torch from apt (the `python3` on PATH may be another). */
export const PYTORCH_PYTHON = '/usr/bin/python3';

/** PyTorch's time for the same training epochs, from {@link measurePytorch}. */
export interface PytorchSpeed {
  torch: string;
  threads: number;
  batchSize: number;
  /** Seconds of each whole epoch (60,000 images, no validation). */
  epochs: number[];
  /** The median of `epochs`. */
  secondsPerEpoch: number;
  msPerStep: number;
  peakRssBytes: number;
}

/**
 * Train the same network with PyTorch on the same data (Debian's python3-torch, 2 threads,
 * Adam, batch 200 unless told) for benchmarks to compare against. Returns why not when PyTorch is missing.
 */
export function measurePytorch(options: {
  dataDir: string;
  preset: 'mlp-adam' | 'cnn';
  epochs?: number;
  threads?: number;
  /** Images per step; default 200, as the notebook. */
  batchSize?: number;
}): { ok: true; speed: PytorchSpeed } | { ok: false; reason: string } {
  const script = fileURLToPath(new URL('../bench/pytorch-epoch.py', import.meta.url));
  const args = [
    script,
    options.dataDir,
    '--model',
    options.preset,
    '--epochs',
    String(options.epochs ?? 3),
    '--threads',
    String(options.threads ?? 2),
    '--batch-size',
    String(options.batchSize ?? 200),
  ];
  const child = spawnSync(PYTORCH_PYTHON, args, { encoding: 'utf8', maxBuffer: 2 ** 24 });
  if (child.error || child.status !== 0) {
    const why = child.error?.message ?? child.stderr.trim().split('\n').at(-1) ?? 'failed';
    return {
      ok: false,
      reason: `PyTorch not measured (${why}): apt-get install python3-torch libopenblas0-pthread`,
    };
  }
  const result = JSON.parse(child.stdout) as Omit<PytorchSpeed, 'secondsPerEpoch'>;
  const sorted = [...result.epochs].sort((a, b) => a - b);
  return {
    ok: true,
    speed: { ...result, secondsPerEpoch: sorted[sorted.length >> 1] ?? Number.NaN },
  };
}
