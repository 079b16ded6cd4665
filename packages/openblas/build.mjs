// Builds the addon with node-gyp: the install script, and `pnpm build` / `build:addon` here.
// OpenBLAS is optional for @fmnist/train, so a failed build warns, says what to install and the
// one command that retries it, and exits 0: the package stays installed but not loadable.
//
//   node build.mjs              rebuild now
//   node build.mjs --if-stale   rebuild only when the .node file is missing or older than a source
//
// It works from any directory and finds a node-gyp itself (npm's, pnpm's, or one on PATH), so the
// command it prints — `node <this file>` — retries the build whatever installed the package.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const addon = join(here, 'build', 'Release', 'openblas.node');
const sources = [
  'binding.gyp',
  'src/openblas.c',
  'src/network.c',
  'src/network.h',
  'src/network-binding.c',
  'src/pool.c',
  'src/pool.h',
];

if (process.argv.includes('--if-stale') && existsSync(addon)) {
  const built = statSync(addon).mtimeMs;
  const stale = sources.some((file) => {
    const path = join(here, file);
    return existsSync(path) && statSync(path).mtimeMs > built;
  });
  if (!stale) process.exit(0);
}

/** A node-gyp to run: the package manager's (npm names it), npm's or pnpm's bundled copy, or one on PATH. */
function findNodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) {
    return [process.execPath, process.env.npm_config_node_gyp];
  }
  const prefix = dirname(dirname(process.execPath));
  for (const candidate of [
    join(prefix, 'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    join(prefix, 'lib/node_modules/pnpm/dist/node_modules/node-gyp/bin/node-gyp.js'),
    '/usr/share/nodejs/node-gyp/bin/node-gyp.js',
  ]) {
    if (existsSync(candidate)) return [process.execPath, candidate];
  }
  // Last, one on PATH (npm's run-script shim there needs npm's environment, hence not first).
  const onPath = spawnSync('node-gyp', ['--version'], {
    stdio: 'ignore',
    shell: process.platform === 'win32',
  });
  return onPath.status === 0 ? ['node-gyp'] : undefined;
}

const args = ['rebuild'];
// Debian/Ubuntu's nodejs headers: node-gyp then needs no download (the addon uses only Node-API).
if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node_api.h')) {
  args.push('--nodedir=/usr');
}
const gyp = findNodeGyp();
const result = gyp
  ? spawnSync(gyp[0], [...gyp.slice(1), ...args], {
      stdio: 'inherit',
      cwd: here,
      shell: process.platform === 'win32' && gyp.length === 1,
    })
  : { status: 1 };
if (result.status !== 0 || !existsSync(addon)) {
  console.warn(
    `\n@fmnist/openblas: the addon did not build${gyp ? '' : ' (no node-gyp found: npm install -g node-gyp)'}, so @fmnist/train ` +
      'uses tfjs for every step and XNNPACK for products (slower, same results). To build it: install a C ' +
      'compiler, make, Python 3 and OpenBLAS (Debian/Ubuntu: apt-get install g++ make python3 libopenblas-dev), ' +
      `then run: node ${JSON.stringify(join(here, 'build.mjs'))}\n`,
  );
}
