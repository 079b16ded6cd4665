// Packs @fmnist/cli and the packages it depends on, installs the tarballs into an empty npm
// project (no workspace, no pnpm) and runs the installed `fmnist` bin there — as a user would.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../..', import.meta.url));
// The CLI and its @fmnist dependencies (not its optional peer @fmnist/queue), found from its package.json.
const cliManifest = JSON.parse(readFileSync(join(repo, 'apps/cli/package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const WORKSPACE_DIRS: Record<string, string> = { '@fmnist/viewer': 'apps/viewer' };
const PACKAGES = [
  ...Object.keys(cliManifest.dependencies)
    .filter((name) => name.startsWith('@fmnist/'))
    .map((name) => WORKSPACE_DIRS[name] ?? `packages/${name.slice('@fmnist/'.length)}`),
  'apps/cli',
];
let work: string;
let project: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fmnist-cli-pack-'));
  for (const dir of PACKAGES) {
    await run('pnpm', ['pack', '--pack-destination', work], { cwd: join(repo, dir) });
  }
  const tarballs = (await readdir(work))
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => join(work, f));
  project = join(work, 'project');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true }),
  );
  // --omit=optional: tfjs-node's install script downloads libtensorflow; the CLI runs on wasm without it.
  await run(
    'npm',
    [
      'install',
      '--omit=optional',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...tarballs,
    ],
    { cwd: project, timeout: 170_000 },
  );
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the packed CLI installed into an empty folder', () => {
  const fmnist = (args: string[]) =>
    run(join(project, 'node_modules/.bin/fmnist'), args, {
      cwd: project,
      env: {
        ...process.env,
        FMNIST_SYSTEM_DATA_DIRS: '',
        XDG_CACHE_HOME: join(work, 'cache'),
        NO_COLOR: '1',
      },
    });

  it('lists the presets', async () => {
    const { stdout } = await fmnist(['presets']);
    expect(stdout).toMatch(/mlp-adam\s+115,306 params/);
  });

  it('trains and reports a run on generated data', async () => {
    const data = await createTinyDatasetDir({ train: 300, test: 100 });
    const { stdout, stderr } = await fmnist([
      'train',
      '--preset',
      'mlp-adam',
      '--epochs',
      '1',
      '--batch-size',
      '50',
      '--data-dir',
      data,
    ]);
    expect(stderr).toContain('Backend: wasm');
    expect(stdout).toContain('Run saved: runs/mlp-adam-');
    const [runDir] = await readdir(join(project, 'runs'));
    const report = await fmnist(['report', join('runs', runDir ?? ''), '--format', 'json']);
    expect(JSON.parse(report.stdout)).toMatchObject({ status: 'completed', preset: 'mlp-adam' });
  });
});
