import { availableParallelism } from 'node:os';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';

let dataDir: string;

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
});

describe('fmnist bench', () => {
  it('times every backend that loads in its own process and says why the others do not', async () => {
    const result = await runCli([
      'bench',
      '--steps',
      '2',
      '--batch-size',
      '50',
      '--pytorch-epochs',
      '1',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.preset).toBe('mlp-adam');
    expect(report.dataset.coldSeconds).toBeGreaterThan(0);
    expect(report.dataset.warmSeconds).toBeGreaterThan(0);
    // The native step on every core (what train gives it), and on one.
    const natives = availableParallelism() > 1 ? ['native', 'native'] : ['native'];
    expect(report.results.map((r: { backend: string }) => r.backend)).toEqual([
      ...natives,
      'node',
      'wasm',
      'cpu',
    ]);
    expect(
      report.results.slice(0, natives.length).map((r: { threads: number }) => r.threads),
    ).toEqual([...new Set([Math.min(availableParallelism(), 8), 1])]);
    const node = report.results[natives.length];
    expect(node).toMatchObject({ available: false });
    expect(node.reason).toContain('tfjs-node');
    for (const result of report.results.filter((r: { backend: string }) => r.backend !== 'node')) {
      expect(result).toMatchObject({ available: true, steps: 2, batchSize: 50 });
      expect(result.msPerStep).toBeGreaterThan(0);
      expect(result.peakRssBytes).toBeGreaterThan(0);
    }
    expect(result.stderr).toContain('benchmarking wasm');
    // PyTorch (where /usr/bin/python3 has torch) trains with the same batch size, in four settings.
    if (report.pytorch?.available) {
      expect(report.pytorch.best.batchSize).toBe(50);
      expect(
        report.pytorch.settings.map((s: { threads: number; openblasThreads: number }) => [
          s.threads,
          s.openblasThreads,
        ]),
      ).toEqual([
        [1, 1],
        [1, 2],
        [2, 1],
        [2, 2],
      ]);
    }
    expect(report.floor).toMatchObject({ available: true });
    expect(report.floor.msPerStep).toBeGreaterThan(0);
  }, 300_000);

  it('prints a table for one backend', async () => {
    const result = await runCli([
      'bench',
      '--backend',
      'cpu',
      '--steps',
      '2',
      '--batch-size',
      '50',
      '--no-pytorch',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/cold load \d+\.\d\ds, warm load \d+\.\d\ds/);
    expect(result.stdout).toMatch(
      /backend\s+threads\s+matmul\s+ms\/step\s+s\/epoch\s+samples\/s\s+peak RSS/,
    );
    expect(result.stdout).toMatch(/\ncpu\s+1\s+JavaScript\s+\d+\.\d/);
  });

  it('times the cnn on wasm with a thread per core, and exits when done', async () => {
    const result = await runCli([
      'bench',
      '--backend',
      'wasm',
      '--preset',
      'cnn',
      '--steps',
      '1',
      '--batch-size',
      '20',
      '--no-pytorch',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const [wasm] = JSON.parse(result.stdout).results;
    expect(wasm).toMatchObject({ backend: 'wasm', available: true, steps: 1 });
    expect(wasm.threads).toBe(Math.min(availableParallelism(), 8));
    expect(wasm.reason).toMatch(/on \d+ threads|WebAssembly with SIMD,/);
    // scripts/setup.sh installs OpenBLAS, so @fmnist/openblas builds.
    expect(wasm.matmul).toBe('OpenBLAS');
    expect(wasm.reason).toContain('matrix products on OpenBLAS');
  });

  it('exits 2 on an unknown preset', async () => {
    const result = await runCli(['bench', '--preset', 'cnnn', '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "cnn"?');
  });
});
