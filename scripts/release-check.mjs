// The release path, without publishing: changeset status, then for every published package a
// pack (workspace: ranges must come out as real versions, the LICENSE must be in it, the same as the
// repository's) and a publish dry run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const run = (args, cwd) => execFileSync('pnpm', args, { cwd, encoding: 'utf8', stdio: 'pipe' });
const fail = (message) => {
  console.error(`release:check: ${message}`);
  process.exit(1);
};

try {
  process.stdout.write(run(['changeset', 'status']));
} catch (error) {
  fail(
    `changeset status failed:\n${error.stdout}${error.stderr}\nAdd a changeset with 'pnpm changeset'.`,
  );
}

const dirs = ['packages', 'apps'].flatMap((root) =>
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, entry.name)),
);
for (const dir of dirs) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  const out = mkdtempSync(join(tmpdir(), 'fmnist-pack-'));
  try {
    run(['pack', '--pack-destination', out], dir);
    const tarball = readdirSync(out).find((name) => name.endsWith('.tgz'));
    execFileSync('tar', ['-xzf', join(out, tarball), '-C', out]);
    const packed = readFileSync(join(out, 'package', 'package.json'), 'utf8');
    if (packed.includes('workspace:'))
      fail(`${manifest.name}: the packed package.json still has a workspace: range`);
    // A native addon builds at install from what the tarball holds: every source binding.gyp
    // names, and every local header those include, must be in it.
    const gyp = join(out, 'package', 'binding.gyp');
    if (existsSync(join(dir, 'binding.gyp'))) {
      if (!existsSync(gyp)) fail(`${manifest.name}: the tarball has no binding.gyp`);
      const sources = JSON.parse(readFileSync(gyp, 'utf8')).targets.flatMap((t) => t.sources ?? []);
      const includes = sources.flatMap((source) =>
        [...readFileSync(join(dir, source), 'utf8').matchAll(/#include "([^"]+)"/g)].map((m) =>
          join(dirname(source), m[1]),
        ),
      );
      const missing = [...new Set([...sources, ...includes])].filter(
        (file) => !existsSync(join(out, 'package', file)),
      );
      if (missing.length > 0)
        fail(
          `${manifest.name}: the tarball lacks ${missing.join(', ')}, which the addon's build needs: add them to "files"`,
        );
    }
    const license = join(out, 'package', 'LICENSE');
    if (!existsSync(license) || readFileSync(license, 'utf8') !== readFileSync('LICENSE', 'utf8'))
      fail(`${manifest.name}: the tarball has no LICENSE, or another one: cp LICENSE ${dir}/`);
    run(['publish', '--dry-run', '--no-git-checks'], dir);
    console.log(
      `release:check: ${manifest.name}@${manifest.version} packs and publishes (dry run)`,
    );
  } catch (error) {
    fail(`${manifest.name}: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
