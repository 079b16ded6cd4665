import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { parseRunRecord, parseSweepRecord } from '@fmnist/metrics';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';

let dataDir: string;

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
});

const tmp = (prefix: string) => mkdtemp(join(tmpdir(), `fmnist-cli-${prefix}-`));

describe('fmnist sweep', () => {
  it('runs an ASHA sweep of sgd-momentum: run directories, sweep.json ranked on the holdout without the test set, then the retrain scored on it', async () => {
    const cwd = await tmp('sweep');
    const result = await runCli(
      [
        'sweep',
        'sgd-momentum',
        '--strategy',
        'asha',
        '--trials',
        '3',
        '--epochs',
        '3',
        '--min-epochs',
        '1',
        '--jobs',
        '2',
        '--data-dir',
        dataDir,
        '--out',
        join(cwd, 'sweeps'),
        '--retrain-epochs',
        '2',
        '--json',
      ],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    const sweep = parseSweepRecord(result.stdout);
    expect(sweep.status).toBe('completed');
    expect(sweep.plan).toMatchObject({ strategy: 'asha', minEpochs: 1, epochs: 3, holdoutSeed: 0 });
    expect(sweep.table.map((row) => row.rank)).toEqual([1, 2, 3]);
    // Rungs 1 and 3: the best of three is extended from 1 epoch to 3, the others stop at 1.
    expect(sweep.table.map((row) => row.epochs)).toEqual([3, 1, 1]);
    const dir = join(cwd, 'sweeps', (await readdir(join(cwd, 'sweeps')))[0] as string);
    const best = sweep.runs.find((run) => run.configurationId === sweep.table[0]?.configurationId);
    const record = parseRunRecord(await readFile(join(dir, best?.path ?? '', 'run.json'), 'utf8'));
    expect(record.metrics?.test).toBeUndefined();
    expect(record.data?.test).toBe(0);
    expect(record.config.epochs).toBe(3);
    expect(record.events?.some((event) => event.type === 'extended')).toBe(true);
    expect(record.validationPredictions?.split).toBe('validation');
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toMatch(/^# Sweep sgd-momentum/);
    // The chosen configuration, retrained: the one run of the sweep scored on the test set.
    expect(sweep.retrain).toMatchObject({
      configurationId: sweep.table[0]?.configurationId,
      status: 'completed',
      epochs: 2,
    });
    const retrained = parseRunRecord(
      await readFile(join(dir, sweep.retrain?.path ?? '', 'run.json'), 'utf8'),
    );
    expect(retrained.metrics?.test?.accuracy).toBe(sweep.retrain?.testAccuracy);
    expect(retrained.data?.test).toBe(100);
    // fmnist compare <sweep dir>: the same ranking, as report.md has it, and as JSON.
    const report = await readFile(join(dir, 'report.md'), 'utf8');
    expect((await runCli(['compare', dir, '--format', 'md'], { cwd })).stdout).toBe(report);
    const compared = JSON.parse((await runCli(['compare', dir, '--json'], { cwd })).stdout);
    expect(compared.table).toEqual(sweep.table);
    expect(compared.retrain).toEqual(sweep.retrain);
  });

  it('refuses a bad space with the JSON path of every fault, before any training', async () => {
    const cwd = await tmp('sweep-bad');
    const space = join(cwd, 'space.json');
    await writeFile(
      space,
      JSON.stringify({
        name: 'bad',
        preset: 'mlp-sgd',
        parameters: { learning_rate: [0.1], momentum: { logRange: [0, 0.9] } },
      }),
    );
    const result = await runCli(['sweep', space, '--data-dir', dataDir], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'parameters has unknown parameter "learning_rate" (did you mean "learningRate"?)',
    );
    expect(result.stderr).toContain('parameters.momentum.logRange[0] must be above 0, got 0');
  });

  it('refuses a search space that is a named pipe at once, and one that is not JSON', async () => {
    const cwd = await tmp('sweep-fifo');
    const fifo = join(cwd, 'space.json');
    execFileSync('mkfifo', [fifo]);
    const piped = await runCli(['sweep', fifo, '--data-dir', dataDir], { cwd });
    expect(piped.code).toBe(1);
    expect(piped.stderr).toContain('to be a regular file, found a named pipe');
    const broken = join(cwd, 'broken.json');
    await writeFile(broken, '\uFEFF{"name": "x"');
    const notJson = await runCli(['sweep', broken, '--data-dir', dataDir], { cwd });
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('is not JSON');
    expect(notJson.stderr).toContain('Built-in spaces: sgd-momentum');
  });

  it('fails within seconds, naming the URL, when the queue is unreachable', async () => {
    const started = Date.now();
    const result = await runCli(
      ['sweep', 'sgd-momentum', '--queue', 'redis://127.0.0.1:1', '--data-dir', dataDir],
      { cwd: await tmp('sweep-queue') },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('could not reach the queue at redis://127.0.0.1:1 within 5 s');
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
