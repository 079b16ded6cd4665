import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The browser tests need the built app; build it when a plain `vitest run` finds none. */
export default function setup(): void {
  if (existsSync(`${root}dist/app/assets/try-it.js`) && existsSync(`${root}dist/app/assets/app.js`))
    return;
  execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
