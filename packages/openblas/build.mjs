// Builds the addon with node-gyp (the install script, and `pnpm build` here). OpenBLAS is optional
// for @fmnist/train, so a failed build warns, says what to install, and exits 0: the package stays
// installed but not loadable, and @fmnist/train multiplies on the wasm backend's XNNPACK instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = ['rebuild'];
// Debian/Ubuntu's nodejs headers: node-gyp then needs no download (the addon uses only Node-API).
if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node_api.h')) {
  args.push('--nodedir=/usr');
}
// npm names its node-gyp in the environment; pnpm puts its own on PATH for package scripts.
const gyp = process.env.npm_config_node_gyp;
const result = gyp
  ? spawnSync(process.execPath, [gyp, ...args], { stdio: 'inherit' })
  : spawnSync('node-gyp', args, { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.warn(
    '\n@fmnist/openblas: the addon did not build, so @fmnist/train will multiply on XNNPACK ' +
      '(slower, same results). To build it: install a C compiler, make, Python 3 and OpenBLAS ' +
      '(Debian/Ubuntu: apt-get install g++ make python3 libopenblas-dev), then run ' +
      '`npm rebuild @fmnist/openblas` (pnpm: `pnpm rebuild @fmnist/openblas`).\n',
  );
}
