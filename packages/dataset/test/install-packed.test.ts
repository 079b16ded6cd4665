// Installable alone: pack the package, install the tarball into an empty npm project (offline:
// it has no dependencies), and load the real data from a separate Node process with no options.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SYSTEM = '/usr/share/datasets/fashion-mnist';
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const hasData = existsSync(SYSTEM);

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-pack-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const title = hasData
  ? 'pnpm pack → npm install into an empty project → loadFashionMnist() with no options'
  : `pnpm pack → npm install → loadFashionMnist() (skipped: ${SYSTEM} is absent; apt-get install dataset-fashion-mnist)`;

describe('the packed package, installed alone', () => {
  it.skipIf(!hasData)(
    title,
    async () => {
      expect(existsSync(join(packageDir, 'dist', 'index.js')), 'build the package first').toBe(
        true,
      );
      await run('pnpm', ['pack', '--pack-destination', root], { cwd: packageDir });
      const tarball = (await readdir(root)).find((n) => n.endsWith('.tgz'));
      expect(tarball).toBeDefined();
      const project = join(root, 'project');
      await run('tar', ['xzf', join(root, tarball ?? ''), '-C', root]);
      const packed = JSON.parse(await readFile(join(root, 'package', 'package.json'), 'utf8'));
      expect(packed.dependencies).toBeUndefined();
      expect(packed.peerDependencies).toBeUndefined();
      expect(packed.optionalDependencies).toBeUndefined();

      const env: NodeJS.ProcessEnv = {
        ...process.env,
        XDG_CACHE_HOME: join(root, 'xdg'),
        npm_config_cache: join(root, 'npm-cache'),
      };
      delete env.FMNIST_DATA_DIR;
      await run('mkdir', ['-p', project]);
      await writeFile(
        join(project, 'package.json'),
        `${JSON.stringify({ name: 'empty', version: '1.0.0', private: true, type: 'module' })}\n`,
      );
      await run(
        'npm',
        ['install', '--offline', '--no-audit', '--no-fund', join(root, tarball ?? '')],
        { cwd: project, env },
      );
      const installed = await readdir(join(project, 'node_modules'));
      expect(installed.sort()).toEqual(['.package-lock.json', '@fmnist']);

      const script = `import { loadFashionMnist } from '@fmnist/dataset';
const data = await loadFashionMnist();
console.log(JSON.stringify({ train: data.train.count, test: data.test.count, verified: data.verified, kind: data.source.kind }));`;
      const { stdout } = await run('node', ['--input-type=module', '-e', script], {
        cwd: project,
        env,
      });
      expect(JSON.parse(stdout)).toEqual({
        train: 60000,
        test: 10000,
        verified: true,
        kind: 'system',
      });
    },
    120_000,
  );
});
