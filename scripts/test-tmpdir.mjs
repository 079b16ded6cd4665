// A vitest globalSetup every package's config lists: the run's temporary folders go into one
// folder of its own (TMPDIR, which os.tmpdir() and every child a test spawns read), removed when
// the run ends, so that tests which make folders under tmpdir() and do not remove them (a failed
// test, a killed child, a helper's fixture) leave nothing behind in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'fmnist-tests-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
