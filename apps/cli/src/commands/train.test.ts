import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { parseRunRecord, type RunRecord } from '@fmnist/metrics';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { interruptWhen, tinyTrainArgs } from '../../test/train-tiny-run.js';

let dataDir: string;

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
});

const readRecord = async (runDir: string): Promise<RunRecord> =>
  parseRunRecord(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')));

async function onlyRun(out: string): Promise<string> {
  const names = await readdir(out);
  expect(names).toHaveLength(1);
  return join(out, names[0] as string);
}

const tmp = (prefix: string) => mkdtemp(join(tmpdir(), `fmnist-cli-${prefix}-`));

describe('fmnist train', () => {
  it('trains a preset, shows Keras-style progress, and ends with the reports and the run path', async () => {
    const cwd = await tmp('train');
    const result = await runCli(tinyTrainArgs(dataDir), { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Backend: native — .*fused native step/m);
    expect(result.stderr).toMatch(
      /^Epoch 1\/2 {2}6\/6 ━{20} \d+s \d+ms\/step - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}$/m,
    );
    expect(result.stderr).toMatch(/^Epoch 2\/2 /m);
    expect(result.stdout).toMatch(/precision {4}recall {2}f1-score {3}support/);
    expect(result.stdout).toContain('Pred Ankle boot');
    expect(result.stdout).toMatch(
      /Run saved: runs\/mlp-adam-\d{8}-\d{6} \(run\.json, model\/, report\.md\)/,
    );
    const runDir = await onlyRun(join(cwd, 'runs'));
    const record = await readRecord(runDir);
    expect(record.status).toBe('completed');
    expect(record.preset).toBe('mlp-adam');
    expect(record.history).toHaveLength(2);
    expect(record.config).toMatchObject({
      epochs: 2,
      batchSize: 50,
      seed: 0,
      validation: { mode: 'holdout', size: 0.1 },
    });
    expect(record.data).toMatchObject({ verified: false, train: 270, validation: 30, test: 100 });
    expect(record.environment.backend.name).toBe('native');
    expect((await readdir(runDir)).sort()).toEqual([
      'checkpoint',
      'model',
      'report.md',
      'run.json',
    ]);
  });

  it('applies flags over the spec and records the effective spec', async () => {
    const out = await tmp('overrides');
    const result = await runCli([
      'train',
      '--preset',
      'mlp-adam',
      '--optimizer',
      'SGD',
      '--lr',
      '0.05',
      '--momentum',
      '0.9',
      '--validation',
      'test',
      '--seed',
      '7',
      '--epochs',
      '1',
      '--batch-size',
      '100',
      '--data-dir',
      dataDir,
      '--out',
      out,
      '--name',
      'my run',
    ]);
    expect(result.code).toBe(0);
    const runDir = await onlyRun(out);
    expect(runDir).toMatch(/my-run-\d{8}-\d{6}$/);
    const record = await readRecord(runDir);
    expect(record.spec).toMatchObject({
      optimizer: { name: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: false },
    });
    expect(record.config).toMatchObject({
      seed: 7,
      batchSize: 100,
      validation: { mode: 'test', leakage: true },
    });
  });

  it('trains a spec file, with early stopping, reduce-LR and no validation', async () => {
    const dir = await tmp('spec');
    const spec = {
      name: 'tiny',
      inputShape: [784],
      layers: [
        { type: 'dense', units: 16, activation: 'relu' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
      optimizer: { name: 'Adam' },
      loss: 'categorical_crossentropy',
    };
    await writeFile(join(dir, 'tiny.json'), JSON.stringify(spec));
    const result = await runCli([
      'train',
      '--spec',
      join(dir, 'tiny.json'),
      '--epochs',
      '3',
      '--batch-size',
      '50',
      '--validation',
      'none',
      '--early-stopping',
      '1',
      '--reduce-lr',
      '1',
      '--data-dir',
      dataDir,
      '--out',
      join(dir, 'runs'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('val_loss');
    const record = await readRecord(await onlyRun(join(dir, 'runs')));
    expect(record.name).toBe('tiny');
    expect(record.preset).toBeUndefined();
    expect(record.config.validation.mode).toBe('none');
    expect(record.config.callbacks).toMatchObject({
      earlyStopping: { patience: 1, monitor: 'loss', restoreBestWeights: true },
      reduceLrOnPlateau: { patience: 1, monitor: 'loss', factor: 0.1 },
    });
  });

  it('keeps stdout to JSON with --json', async () => {
    const out = await tmp('json');
    const result = await runCli([
      'train',
      '--preset',
      'mlp-sgd',
      '--epochs',
      '1',
      '--batch-size',
      '50',
      '--data-dir',
      dataDir,
      '--out',
      out,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ status: 'completed', epochs: 1 });
    expect(summary.metrics.test.accuracy).toBeGreaterThanOrEqual(0);
    expect(result.stderr).toContain('Epoch 1/1');
  });

  it('is interrupted by Ctrl-C, prints the resume command, and that command finishes the run', async () => {
    const cwd = await tmp('interrupt');
    const interrupt = interruptWhen(/^Epoch 1\/40 /m);
    const first = await runCli(tinyTrainArgs(dataDir, 40), { cwd, onStderr: interrupt.onStderr });
    expect(interrupt.sent()).toBe(true);
    expect(first.code).toBe(130);
    expect(first.stderr).toContain('Interrupting: finishing the current batch');
    const command = first.stderr.match(/^ {2}(fmnist train --resume \S+)$/m)?.[1];
    expect(command).toMatch(/^fmnist train --resume runs\/mlp-adam-\d{8}-\d{6}$/);
    const runDir = await onlyRun(join(cwd, 'runs'));
    const interrupted = await readRecord(runDir);
    expect(interrupted.status).toBe('interrupted');
    const done = interrupted.history.length;
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(40);

    // A resume that fails before training (no data there) releases the run's lock.
    const noData = await runCli(
      [...(command as string).split(' ').slice(1), '--data-dir', join(cwd, 'nowhere')],
      { cwd },
    );
    expect(noData.code).not.toBe(0);
    await expect(stat(join(runDir, '.lock'))).rejects.toThrow(/ENOENT/);

    const second = await runCli([...(command as string).split(' ').slice(1)], { cwd });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`Resuming runs/`);
    expect(second.stderr).toContain(`after epoch ${done} of 40`);
    // Said once: not also the loop's "resumed after epoch k" note.
    expect(second.stderr).not.toContain('resumed after epoch');
    expect(second.stderr).toMatch(/^Epoch 40\/40 /m);
    expect(second.stdout).toContain('Classification report (test set)');
    const finished = await readRecord(runDir);
    expect(finished.status).toBe('completed');
    expect(finished.history.map((h) => h.epoch)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );

    const again = await runCli([
      'train',
      '--resume',
      join(cwd, (command as string).split(' ')[3] as string),
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already completed');
  });
});

describe('fmnist train: usage errors exit 2 with one or two lines', () => {
  it.each([
    [['--preset', 'mlp-adma'], 'did you mean "mlp-adam"?'],
    [[], 'say what to train: --preset <name> or --spec <file.json>'],
    [['--preset', 'mlp-adam', '--spec', 'x.json'], 'give --preset or --spec, not both'],
    [
      ['--preset', 'mlp-adam', '--epochs', 'ten'],
      "option '-e, --epochs <n>' argument 'ten' is invalid",
    ],
    [['--preset', 'mlp-adam', '--batch-size', '0'], 'Expected a whole number from 1 to 65536'],
    [
      ['--preset', 'mlp-adam', '--epochs', '99999999999999999999'],
      'Expected a whole number from 1 to 100000',
    ],
    [['--preset', 'mlp-adam', '--lr', '-1'], 'Expected a number above 0'],
    [['--preset', 'mlp-adam', '--momentum', '0.9'], 'momentum does not apply to adam'],
    [['--preset', 'mlp-adam', '--validation', 'dev'], 'Allowed choices are holdout, test, none'],
    [['--preset', 'mlp-adam', '--validation-size', '1.5'], 'a whole count of images'],
    [
      ['--preset', 'mlp-adam', '--validation', 'none', '--validation-size', '100'],
      'does not go with --validation none',
    ],
    [['--preset', 'mlp-adam', '--optimizer', 'adagrad'], 'Expected one of adam, rmsprop, sgd'],
    [
      ['--preset', 'mlp-adam', '--backend', 'gpu'],
      'Allowed choices are auto, native, node, wasm, cpu',
    ],
    [['--resume', 'runs/x', '--epochs', '5'], 'it cannot take --epochs'],
  ])('train %j', async (args, message) => {
    const result = await runCli(['train', ...args, '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('adds the stack with --verbose', async () => {
    const result = await runCli([
      'train',
      '--preset',
      'mlp-adam',
      '--momentum',
      '0.5',
      '--verbose',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/at applySpecOverrides|dist\/bin\.js/);
  });
});

describe('fmnist train: failures exit 1', () => {
  it('names a spec file that is not valid and what to fix', async () => {
    const dir = await tmp('badspec');
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({
        inputShape: [784],
        layers: [{ type: 'dense', units: -3 }],
        optimizer: { name: 'adam' },
        loss: 'categoricalCrossentropy',
      }),
    );
    const result = await runCli(['train', '--spec', join(dir, 'bad.json'), '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('layers[0].units');
  });

  it('says how to get data when there is none', async () => {
    const result = await runCli(['train', '--preset', 'mlp-adam']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fmnist data fetch');
  });

  it('says what a resume directory lacks', async () => {
    const dir = await tmp('norun');
    const result = await runCli(['train', '--resume', dir, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected a run directory with run.json');
  });
});
