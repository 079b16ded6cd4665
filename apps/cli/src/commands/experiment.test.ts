import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { type ExperimentRecord, parseExperimentRecord, parseRunRecord } from '@fmnist/metrics';
import { EXPERIMENT_FILES } from '@fmnist/runs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { interruptWhen } from '../../test/train-tiny-run.js';

let dataDir: string;

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
});

const tmp = (prefix: string) => mkdtemp(join(tmpdir(), `fmnist-cli-${prefix}-`));

const readExperiment = async (dir: string): Promise<ExperimentRecord> =>
  parseExperimentRecord(await readFile(join(dir, EXPERIMENT_FILES.record), 'utf8'));

describe('fmnist experiment', () => {
  it('runs two presets over 2 seeds, 2 at a time; Ctrl-C stops it resumably; --resume finishes it', async () => {
    const cwd = await tmp('experiment');
    const interrupt = interruptWhen(/completed \(1\/4 runs\)/);
    const first = await runCli(
      [
        'experiment',
        'notebook',
        '--presets',
        'mlp-adam,mlp-sgd',
        '--seeds',
        '2',
        '--jobs',
        '2',
        '--epochs',
        '6',
        '--batch-size',
        '50',
        '--data-dir',
        dataDir,
      ],
      { cwd, onStderr: interrupt.onStderr },
    );
    expect(interrupt.sent()).toBe(true);
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(
      /^Experiment: experiments\/notebook-\d{8}-\d{6} — suite notebook: 2 presets × 2 seeds = 4 runs, 6 epochs, batch 50, validation test; 2 at a time$/m,
    );
    // Which run prints first depends on which child starts first; each line names its run.
    expect(first.stderr).toMatch(/^\[mlp-(adam|sgd) seed0\] Epoch 1\/6 /m);
    expect(first.stderr).toContain('Interrupting:');
    const command = first.stderr.match(/^ {2}(fmnist experiment --resume \S+)$/m)?.[1];
    expect(command).toMatch(/^fmnist experiment --resume experiments\/notebook-\d{8}-\d{6}$/);
    const dir = join(cwd, (command as string).split(' ')[3] as string);
    const interrupted = await readExperiment(dir);
    expect(interrupted.status).toBe('interrupted');
    const completedBefore = interrupted.runs.filter((run) => run.status === 'completed');
    expect(completedBefore.length).toBeGreaterThanOrEqual(1);
    expect(completedBefore.length).toBeLessThan(4);
    expect(interrupted.config).toMatchObject({
      presets: ['mlp-adam', 'mlp-sgd'],
      seeds: [0, 1],
      epochs: 6,
      batchSize: 50,
      validation: 'test',
    });
    const firstDone = completedBefore[0] as ExperimentRecord['runs'][number];
    const firstRunJson = join(dir, firstDone.path, 'run.json');
    const firstMtime = (await stat(firstRunJson)).mtimeMs;

    const second = await runCli([...(command as string).split(' ').slice(1)], { cwd });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^Resuming: \d of 4 runs finished; \d to resume, \d to start$/m);
    expect(second.stderr).not.toContain(`[${firstDone.preset} seed${firstDone.seed}]`);
    expect((await stat(firstRunJson)).mtimeMs).toBe(firstMtime);

    const record = await readExperiment(dir);
    expect(record.status).toBe('completed');
    expect(record.finishedAt).toBeDefined();
    expect(record.runs).toHaveLength(4);
    expect(record.runs.map((run) => `${run.preset}:${run.seed}:${run.status}`).sort()).toEqual([
      'mlp-adam:0:completed',
      'mlp-adam:1:completed',
      'mlp-sgd:0:completed',
      'mlp-sgd:1:completed',
    ]);
    for (const run of record.runs) {
      expect(run.path).toMatch(new RegExp(`^runs/${run.preset}-seed${run.seed}-\\d{8}-\\d{6}$`));
      const runRecord = parseRunRecord(
        JSON.parse(await readFile(join(dir, run.path, 'run.json'), 'utf8')),
      );
      expect(runRecord.status).toBe('completed');
      expect(runRecord.history).toHaveLength(6);
      expect(runRecord.config).toMatchObject({ seed: run.seed, batchSize: 50 });
    }
    expect(record.rows.map((row) => [row.preset, row.seeds.slice().sort()])).toEqual([
      ['mlp-adam', [0, 1]],
      ['mlp-sgd', [0, 1]],
    ]);
    for (const row of record.rows) {
      expect(row.std?.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(row.reference).toEqual({
        trainLoss: record.references[row.preset]?.trainLoss,
        trainAccuracy: record.references[row.preset]?.trainAccuracy,
        testLoss: record.references[row.preset]?.testLoss,
        testAccuracy: record.references[row.preset]?.testAccuracy,
      });
    }
    expect(record.references['mlp-sgd']).toMatchObject({ model: 'model 3', testAccuracy: 0.8831 });
    expect(Object.keys(record.summary ?? {})).toEqual(['mlp-adam', 'mlp-sgd']);
    expect(record.mcnemar?.map((m) => [m.a, m.b, (m as { seed?: number }).seed])).toEqual([
      ['mlp-adam', 'mlp-sgd', 0],
      ['mlp-adam', 'mlp-sgd', 1],
    ]);

    const lines = second.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^model +seeds +seconds +train loss \(last epoch\) +train acc \(last epoch\) +test loss +test acc$/,
    );
    expect(second.stdout).toMatch(
      /^mlp-adam +0,1 +\d+\.\d ± \d+\.\d( +\d\.\d{4} ± \d\.\d{4}){4}$/m,
    );
    expect(second.stdout).toMatch(
      /^ {2}notebook \(model 1\) +0\.0416 +0\.9846 +0\.7687 +0\.8884$/m,
    );
    expect(second.stdout).toMatch(/^ {2}difference( +[+-]\d\.\d{4}){4}$/m);
    expect(second.stdout).toMatch(/^mlp-adam +mlp-sgd +1 +\d+ +\d+ +\S+$/m);
    expect(second.stdout).toContain('these runs had 6 epochs (not 100), batch 50 (not 200)');
    expect(second.stdout).toMatch(/Experiment saved: experiments\/notebook-\d{8}-\d{6} \(/);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toContain('# Experiment notebook');

    const again = await runCli(['experiment', '--resume', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already completed');
  });

  it('prints only the record with --json', async () => {
    const out = await tmp('experiment-json');
    const result = await runCli([
      'experiment',
      'beyond',
      '--presets',
      'mlp-sgd',
      '--epochs',
      '1',
      '--batch-size',
      '100',
      '--jobs',
      '1',
      '--seed',
      '5',
      '--data-dir',
      dataDir,
      '--out',
      out,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const record = parseExperimentRecord(result.stdout);
    expect(record).toMatchObject({ suite: 'beyond', status: 'completed' });
    expect(record.runs).toEqual([
      expect.objectContaining({ preset: 'mlp-sgd', seed: 5, status: 'completed' }),
    ]);
    expect(record.config).toMatchObject({ validation: 'holdout', epochs: 1 });
    expect(record.summary).toEqual({});
    expect(result.stderr).toContain('[mlp-sgd seed5] Epoch 1/1');
  });
});

describe('fmnist experiment: bad inputs', () => {
  it.each([
    [
      ['notebok'],
      'unknown suite "notebok" (did you mean "notebook"?): expected one of notebook, beyond',
      2,
    ],
    [[], 'say which suite to run: notebook, beyond', 2],
    [['notebook', '--presets', 'mlp-adma'], 'did you mean "mlp-adam"?', 2],
    [['notebook', '--seeds', '0'], 'Expected a whole number from 1 to 1000', 2],
    [['notebook', '--validation-size', '0.2'], 'the runs validate with test', 2],
    [['--resume', 'experiments/x', '--epochs', '3'], 'it cannot take --epochs', 2],
    [
      ['--resume', '/nonexistent-experiment'],
      'expected an experiment directory with experiment.json',
      1,
    ],
  ])('experiment %j', async (args, message, code) => {
    const result = await runCli(['experiment', ...args, '--data-dir', dataDir]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});
