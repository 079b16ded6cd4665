// Packs the package, installs the tarball with its peer into an empty npm project, and in a
// child `node` process builds, saves and loads a preset — as a user would.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = new URL('..', import.meta.url).pathname;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fmnist-models-pack-'));
  await run('pnpm', ['run', 'build'], { cwd: packageDir });
  await run('pnpm', ['pack', '--pack-destination', work], { cwd: packageDir });
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('keeps node: imports out of the browser entry', async () => {
    const dist = join(packageDir, 'dist');
    const browser = await readFile(join(dist, 'browser.js'), 'utf8');
    const chunks = [...browser.matchAll(/from "\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const file of ['browser.js', ...chunks]) {
      const text = await readFile(join(dist, file), 'utf8');
      expect(text, file).not.toMatch(/from "(node:|fs|path|crypto|os)/);
    }
    expect(await readFile(join(dist, 'index.js'), 'utf8')).toMatch(/from "node:fs\/promises"/);
  });

  it('ships the JSON Schema generated from the zod schema', async () => {
    const { getModelSpecJsonSchema } = await import('../src/spec/get-model-spec-json-schema.js');
    const shipped = JSON.parse(
      await readFile(join(packageDir, 'dist', 'model-spec.schema.json'), 'utf8'),
    );
    expect(shipped).toEqual(getModelSpecJsonSchema());
  });

  it('installs with its peer and builds, saves and loads a preset in Node', async () => {
    const [tarball] = (await readdir(work)).filter((f) => f.endsWith('.tgz'));
    expect(tarball).toMatch(/^fmnist-models-0\.0\.0\.tgz$/);
    const project = join(work, 'project');
    await run('mkdir', ['-p', project]);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    await run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        join(work, tarball ?? ''),
        '@tensorflow/tfjs@4.22.0',
        'zod@4.6.7',
      ],
      { cwd: project, timeout: 150_000 },
    );
    await writeFile(
      join(project, 'main.js'),
      `import * as tf from '@tensorflow/tfjs';
import { buildModel, countParameters, getPreset, loadModel, saveModel, summarizeModel } from '@fmnist/models';
import * as browser from '@fmnist/models/browser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const spec = getPreset('mlp-adam');
const model = buildModel(spec, { seed: 1 });
await saveModel(model, './saved');
const loaded = await loadModel('./saved');
const x = tf.ones([1, 784]);
const same = (model.predict(x)).dataSync().join() === (loaded.predict(x)).dataSync().join();
const schema = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@fmnist/models/model-spec.schema.json')), 'utf8'));
console.log(JSON.stringify({
  parameters: countParameters(spec),
  loadedParameters: loaded.countParams(),
  same,
  summaryHasTotal: summarizeModel(spec).includes('Total params: 115,306'),
  browserHasSave: 'saveModel' in browser,
  browserHasUrl: typeof browser.loadModelFromUrl,
  schemaTitle: schema.title,
}));
`,
    );
    const { stdout } = await run('node', ['main.js'], { cwd: project });
    const lastLine = stdout.trim().split('\n').pop() ?? '';
    expect(JSON.parse(lastLine)).toEqual({
      parameters: 115_306,
      loadedParameters: 115_306,
      same: true,
      summaryHasTotal: true,
      browserHasSave: false,
      browserHasUrl: 'function',
      schemaTitle: '@fmnist/models model spec',
    });
  }, 180_000);
});
