import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const temps = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fmnist-setup-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
// A PATH with node and the usual tools but no npm global bin of the user's.
const plainPath = `${dirname(process.execPath)}:/usr/bin:/bin`;

describe('scripts/link-bin.sh', () => {
  it("links fmnist into npm's global bin directory, and it then runs from any directory", () => {
    const prefix = temp();
    mkdirSync(join(prefix, 'bin'));
    const env = {
      ...process.env,
      npm_config_prefix: prefix,
      HOME: temp(),
      PATH: `${prefix}/bin:${plainPath}`,
    };
    const out = execFileSync('bash', [join(root, 'scripts/link-bin.sh')], {
      env,
      encoding: 'utf8',
    });
    expect(out).toContain(
      `linked ${prefix}/bin/fmnist -> ${root}/apps/cli/dist/bin.js (as npm link does)`,
    );
    expect(out).toContain('fmnist now runs from any directory');
    expect(readlinkSync(join(prefix, 'bin/fmnist'))).toBe(`${root}/apps/cli/dist/bin.js`);
    const presets = execFileSync('fmnist', ['presets'], { env, cwd: temp(), encoding: 'utf8' });
    expect(presets).toContain('mlp-adam');
  });

  it('falls back to ~/.local/bin and says to put it on PATH when that is not', () => {
    const home = temp();
    const env = { ...process.env, npm_config_prefix: '/nonexistent', HOME: home, PATH: plainPath };
    const out = execFileSync('bash', [join(root, 'scripts/link-bin.sh')], {
      env,
      encoding: 'utf8',
    });
    expect(out).toContain(`linked ${home}/.local/bin/fmnist`);
    expect(out).toContain(`${home}/.local/bin is not on your PATH: add it`);
  });

  it('leaves alone an fmnist that is not a symlink', () => {
    const prefix = temp();
    mkdirSync(join(prefix, 'bin'));
    writeFileSync(join(prefix, 'bin/fmnist'), '#!/bin/sh\necho mine\n');
    const env = { ...process.env, npm_config_prefix: prefix, HOME: temp(), PATH: plainPath };
    const out = execFileSync('bash', [join(root, 'scripts/link-bin.sh')], {
      env,
      encoding: 'utf8',
    });
    expect(out).toContain('exists and is not a symlink: left alone');
  });
});

describe('scripts/pnpm', () => {
  it("installs the pinned pnpm into ./.tools from npm's cache, offline, and puts it first on PATH", () => {
    // A checkout of its own, so that this one's .tools stays as it is.
    const checkout = temp();
    mkdirSync(join(checkout, 'scripts'));
    cpSync(join(root, 'scripts/pnpm'), join(checkout, 'scripts/pnpm'));
    const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const pinned = packageManager.replace(/^pnpm@/, '');
    writeFileSync(
      join(checkout, 'package.json'),
      `{ "name": "x", "private": true,\n  "packageManager": "${packageManager}",\n  "scripts": { "where": "command -v pnpm" } }\n`,
    );
    // This checkout's setup put the package in npm's cache; offline proves the cache is enough.
    const env = { ...process.env, npm_config_offline: 'true', PATH: plainPath };
    const version = execFileSync(join(checkout, 'scripts/pnpm'), ['--version'], {
      env,
      encoding: 'utf8',
    });
    expect(version.trim()).toBe(pinned);
    const onPath = execFileSync(join(checkout, 'scripts/pnpm'), ['run', '--silent', 'where'], {
      env,
      cwd: checkout,
      encoding: 'utf8',
    });
    expect(onPath.trim()).toBe(join(checkout, '.tools/bin/pnpm'));
  });
});
