import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import type { RunsComparison } from '@fmnist/metrics';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { trainTinyRun } from '../../test/train-tiny-run.js';

let dataDir: string;
let runA: string;
let runB: string;

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
  [runA, runB] = await Promise.all([
    trainTinyRun(dataDir),
    trainTinyRun(dataDir, ['--preset', 'mlp-sgd', '--seed', '3']),
  ]);
}, 120_000);

describe('fmnist compare', () => {
  it('puts two runs in one table with the McNemar test of the pair', async () => {
    const result = await runCli(['compare', runA, runB]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^# +run +status +epochs +seconds +train loss \(last epoch\) +train acc \(last epoch\) +test loss +test acc$/,
    );
    expect(lines[1]).toMatch(
      /^1 +\/\S+\/mlp-adam-\d{8}-\d{6} +completed +2\/2 +\d+\.\d( +\d\.\d{4}){4}$/,
    );
    expect(lines[2]).toMatch(/^2 +\/\S+\/mlp-sgd-\d{8}-\d{6} +completed +2\/2 /);
    expect(result.stdout).toContain("McNemar's exact test");
    expect(result.stdout).toMatch(
      /^1 +2 +\d+ +\d+ +[+-]\d\.\d{4} +\S+ +(no evidence either is better \(p ≥ 0\.05\)|[12] is better \(p < 0\.05\))$/m,
    );
  });

  it('gives the data with --format json and markdown with --format md', async () => {
    const json = await runCli(['compare', runA, runB, '--format', 'json', '--data-dir', dataDir]);
    expect(json.code).toBe(0);
    const comparison = JSON.parse(json.stdout) as RunsComparison;
    expect(comparison.runs.map((run) => [run.index, run.preset, run.seed])).toEqual([
      [1, 'mlp-adam', 0],
      [2, 'mlp-sgd', 3],
    ]);
    expect(comparison.pairs).toHaveLength(1);
    const [pair] = comparison.pairs;
    expect(pair?.pValue).toBeGreaterThan(0);
    expect(pair?.pValue).toBeLessThanOrEqual(1);
    expect(pair?.testAccuracyDifference).toBeCloseTo(
      (comparison.runs[0]?.testAccuracy ?? 0) - (comparison.runs[1]?.testAccuracy ?? 0),
      10,
    );
    const md = await runCli(['compare', runA, runB, '--format', 'md']);
    expect(md.stdout).toContain('| # | run | status | epochs |');
    expect(md.stdout).toMatch(/^\| 1 \| 2 \| \d+ \| \d+ \| /m);
  });

  it('compares every run of an experiment directory', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fmnist-cli-compare-exp-'));
    const experiment = await runCli([
      'experiment',
      'notebook',
      '--presets',
      'mlp-adam,mlp-sgd',
      '--epochs',
      '1',
      '--batch-size',
      '100',
      '--data-dir',
      dataDir,
      '--out',
      out,
      '--json',
    ]);
    expect(experiment.code).toBe(0);
    const dir = join(out, JSON.parse(experiment.stdout).id as string);
    const result = await runCli(['compare', dir, runA, '--format', 'json']);
    expect(result.code).toBe(0);
    const comparison = JSON.parse(result.stdout) as RunsComparison;
    expect(comparison.runs.map((run) => run.name)).toEqual([
      'mlp-adam-seed0',
      'mlp-sgd-seed0',
      'mlp-adam',
    ]);
    expect(comparison.pairs.map((p) => [p.a, p.b])).toEqual([
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(comparison.notes).toEqual([]);

    const best = await runCli([
      'compare',
      dir,
      runA,
      '--sort',
      'test-accuracy',
      '--versus-best',
      '--format',
      'json',
    ]);
    expect(best.code).toBe(0);
    const ranked = JSON.parse(best.stdout) as RunsComparison;
    const accuracies = ranked.runs.map((run) => run.testAccuracy);
    expect(accuracies).toEqual([...accuracies].sort((a, b) => b - a));
    expect(ranked.pairs.map((p) => [p.a, p.b])).toEqual([
      [1, 2],
      [1, 3],
    ]);
    const text = await runCli(['compare', dir, runA, '--sort', 'test-accuracy', '--versus-best']);
    expect(text.stdout).toContain('Runs, ranked by test-accuracy, best first:');
    expect(text.stdout).toContain(
      'Run 1 (the best, ranked by test-accuracy) against each other run',
    );
  });

  it('refuses a --sort key it does not know, listing the ones it does', async () => {
    const result = await runCli(['compare', runA, '--sort', 'accuracy']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('validation-accuracy');
  });

  it('says what a directory lacks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-cli-compare-empty-'));
    const result = await runCli(['compare', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'expected a run directory (with run.json) or an experiment directory (with experiment.json), found neither',
    );
  });

  it('needs at least one directory', async () => {
    const result = await runCli(['compare']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'dirs'");
  });
});

describe('fmnist compare <sweep dir>', () => {
  // The committed sweep.json of a real sgd-momentum ASHA sweep (see its fixtures README).
  const fixture = fileURLToPath(
    new URL('../../../../packages/metrics/test/fixtures/sweep-record-v1.json', import.meta.url),
  );
  let sweepDir: string;
  beforeAll(async () => {
    sweepDir = await mkdtemp(join(tmpdir(), 'fmnist-cli-compare-sweep-'));
    await copyFile(fixture, join(sweepDir, 'sweep.json'));
  });

  it('ranks its configurations by validation accuracy with mean ± std and McNemar against the best', async () => {
    const result = await runCli(['compare', sweepDir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Sweep sgd-momentum\n/);
    expect(result.stdout).toContain('the test set was not looked at');
    expect(result.stdout).toMatch(
      /rank +config +lr +momentum +nesterov +epochs +seeds +val acc +val loss +vs best \(McNemar\) +status/,
    );
    expect(result.stdout).toMatch(/\n +1 +c02 .* best +completed\n/);
    expect(result.stdout).toMatch(/\n +2 +c03 .* p [0-9.e-]+ \(186\/781\) +completed\n/);
    expect(result.stdout).toContain("McNemar's exact test compares each of the next rows with it");
  });

  it('gives the table as JSON (--json, --format json) and as report.md (--format md)', async () => {
    const file = JSON.parse(await readFile(fixture, 'utf8'));
    for (const flags of [['--json'], ['--format', 'json']]) {
      const json = JSON.parse((await runCli(['compare', sweepDir, ...flags])).stdout);
      expect(json.name).toBe('sgd-momentum');
      expect(json.table).toEqual(file.table);
      expect(json.plan).toEqual(file.plan);
    }
    const md = await runCli(['compare', sweepDir, '--format', 'md']);
    expect(md.stdout).toMatch(/^# Sweep sgd-momentum\n/);
    expect(md.stdout).toContain('| rank | config | lr |');
  });

  it('compares a sweep alone, never on the test set', async () => {
    const withRun = await runCli(['compare', sweepDir, runA]);
    expect(withRun.code).toBe(2);
    expect(withRun.stderr).toContain('a sweep directory is compared on its own');
    const sorted = await runCli(['compare', sweepDir, '--sort', 'test-accuracy']);
    expect(sorted.code).toBe(2);
    expect(sorted.stderr).toContain('--sort test-accuracy cannot apply to it');
  });

  it('says what is wrong with a damaged sweep.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-cli-compare-bad-sweep-'));
    await writeFile(join(dir, 'sweep.json'), '{"schemaVersion": 1, "name": "x"}');
    const result = await runCli(['compare', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a sweep record fmnist can read');
    expect(result.stderr).not.toContain('looks like a bug');
  });
});
