#!/usr/bin/env node
// Packs every published package of this clone into one folder (default ./packed), as
// `npm publish` would ship it — the way to install them before they are on the registry:
//   node scripts/pack-packages.mjs /tmp/fmnist-packages
//   cd ~/my-project && npm install /tmp/fmnist-packages/fmnist-dataset-0.0.0.tgz
// A package that depends on siblings needs their tarballs in the same `npm install` (their
// versions are not on the registry yet), so the command it prints for each lists them all.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = resolve(process.argv[2] ?? join(root, 'packed'));
mkdirSync(out, { recursive: true });

const manifests = ['packages', 'apps']
  .flatMap((parent) =>
    readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, parent, entry.name)),
  )
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => !manifest.private);

const tarballOf = new Map();
for (const { dir, manifest } of manifests) {
  const printed = execFileSync('pnpm', ['pack', '--pack-destination', out, '--json'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { filename } = JSON.parse(printed.slice(printed.indexOf('{')));
  tarballOf.set(manifest.name, join(out, filename.split('/').at(-1)));
}

/** The package and every sibling it needs (dependencies and optional ones), transitively. */
const closure = (name, seen = new Set()) => {
  if (seen.has(name)) return seen;
  seen.add(name);
  const { manifest } = manifests.find((m) => m.manifest.name === name);
  for (const deps of [manifest.dependencies, manifest.optionalDependencies]) {
    for (const dep of Object.keys(deps ?? {})) if (tarballOf.has(dep)) closure(dep, seen);
  }
  return seen;
};

const shown = (path) =>
  out.startsWith(`${process.cwd()}/`) ? relative(process.cwd(), path) : path;
console.log(`Packed into ${shown(out)}. Install from a project of your own with:`);
for (const name of tarballOf.keys()) {
  const files = [...closure(name)].map((dep) => shown(tarballOf.get(dep)));
  console.log(`  ${name}:\n    npm install ${files.join(' ')}`);
}
