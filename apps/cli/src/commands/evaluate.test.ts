import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { trainTinyRun } from '../../test/train-tiny-run.js';

let dataDir: string;
let runDir: string;

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
  runDir = await trainTinyRun(dataDir);
});

describe('fmnist evaluate', () => {
  it('measures the model on the test split with the data the run names', async () => {
    const result = await runCli(['evaluate', runDir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('final model, 100 test images');
    expect(result.stdout).toMatch(/test: loss \d\.\d{4} - accuracy \d\.\d{4}/);
    expect(result.stdout).toContain('Classification report (test set)');
    expect(result.stdout).toContain('Pred T-shirt/top');
  });

  it('measures the train split as JSON', async () => {
    const result = await runCli([
      'evaluate',
      runDir,
      '--split',
      'train',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(0);
    const evaluation = JSON.parse(result.stdout);
    expect(evaluation).toMatchObject({ split: 'train', model: 'model', count: 300 });
    expect(evaluation.confusionMatrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(300);
  });

  it('uses the checkpoint of an interrupted run', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'fmnist-cli-interrupted-'));
    await cp(runDir, copy, { recursive: true });
    await rm(join(copy, 'model'), { recursive: true });
    const record = JSON.parse(await readFile(join(copy, 'run.json'), 'utf8'));
    record.status = 'interrupted';
    await writeFile(join(copy, 'run.json'), JSON.stringify(record));
    const result = await runCli(['evaluate', copy]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('The run is interrupted: evaluating its checkpoint of epoch 2');
    expect(result.stdout).toContain('checkpoint of epoch 2');
  });

  it('exits 1 for a directory that is not a run', async () => {
    const result = await runCli(['evaluate', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected a run directory with run.json');
  });

  it('exits 1 when the data the run names is gone', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'fmnist-cli-moved-'));
    await cp(runDir, copy, { recursive: true });
    const path = join(copy, 'run.json');
    const record = JSON.parse(await readFile(path, 'utf8'));
    record.data.source.location = '/nonexistent/data';
    await writeFile(path, JSON.stringify(record));
    const result = await runCli(['evaluate', copy]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Pass --data-dir <dir>');
  });

  it('exits 2 for a bad split', async () => {
    const result = await runCli(['evaluate', runDir, '--split', 'validation']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are test, train');
  });
});
