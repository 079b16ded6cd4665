// Runs every example as a user would (`tsx <file>`), on a tiny generated dataset in the MNIST
// four-file IDX layout (@fmnist/dataset/testing's), in an empty working directory.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const examples = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(examples, 'node_modules/.bin/tsx');
const TFJS_BANNER = /looks like you are running TensorFlow\.js in Node\.js/;

let work: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fmnist-examples-'));
  const data = await createTinyDatasetDir({ train: 400, test: 100 });
  env = { ...process.env, FMNIST_DATA_DIR: data, XDG_CACHE_HOME: join(work, 'cache') };
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(env.FMNIST_DATA_DIR as string, { recursive: true, force: true });
});

const example = (file: string, args: string[] = []) =>
  run(tsx, [join(examples, file), ...args], { cwd: work, env, encoding: 'utf8' });

describe('examples', () => {
  it('load-dataset.ts loads the data with @fmnist/dataset alone', async () => {
    const { stdout } = await example('load-dataset.ts');
    expect(stdout).toContain('(env; not verified as Fashion-MNIST)');
    expect(stdout).toContain('400 train / 100 test images of 28×28');
    expect(stdout).toContain('test[0]: 0 T-shirt/top');
  });

  it('train-model.ts trains into ./runs, then predict-with-run.ts classifies with that run', async () => {
    const trained = await example('train-model.ts', ['2']);
    expect(trained.stdout).toMatch(/^backend: (native|node|wasm|cpu) /);
    expect(trained.stdout).toContain('epoch 2/2: loss');
    expect(`${trained.stdout}${trained.stderr}`).not.toMatch(TFJS_BANNER);
    const [runDir] = await readdir(join(work, 'runs'));
    expect(trained.stdout).toContain(`the run is in ${join('runs', runDir ?? '')}`);

    const predicted = await example('predict-with-run.ts', [join('runs', runDir ?? '')]);
    expect(predicted.stdout).toMatch(/^mlp-adam, epoch 2, on (native|node|wasm|cpu)\n/);
    expect(predicted.stdout).toMatch(/test\[4\]: \S.* \(\d\.\d{3}\); it is Coat\n/);
    expect(`${predicted.stdout}${predicted.stderr}`).not.toMatch(TFJS_BANNER);
  });

  it("run-experiment.ts runs two of the notebook suite's presets with runExperiment", async () => {
    const { stdout } = await example('run-experiment.ts', ['1']);
    expect(stdout).toMatch(/^mlp-(adam|sgd)-seed0 completed \(1\/2 runs\)$/m);
    expect(stdout).toMatch(/^completed: experiments\/notebook-\d{8}-\d{6}$/m);
    expect(stdout).toMatch(/^mlp-adam: test accuracy \d\.\d{4}$/m);
    expect(stdout).toMatch(/^mlp-sgd: test accuracy \d\.\d{4}$/m);
  });

  it("the root README's experiment example is run-experiment.ts, to the letter", async () => {
    const readme = await readFile(join(examples, '..', 'README.md'), 'utf8');
    const block = readme.match(
      /<!-- example: examples\/run-experiment\.ts -->\n```ts\n([\s\S]*?)```\n/,
    )?.[1];
    expect(block).toBe(await readFile(join(examples, 'run-experiment.ts'), 'utf8'));
  });
});
