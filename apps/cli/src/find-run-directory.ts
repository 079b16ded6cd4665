import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_FILES } from '@fmnist/runs';

const RUN_DIR = /^(.+)-\d{8}-\d{6}(?:-(\d+))?$/;

/**
 * The newest run directory named `<name>-<yyyymmdd-hhmmss>[-<n>]` in `runsDir` that holds a
 * `run.json`, or undefined when there is none (or no `runsDir`).
 */
export async function findRunDirectory(runsDir: string, name: string): Promise<string | undefined> {
  let entries: string[];
  try {
    entries = await readdir(runsDir);
  } catch {
    return undefined;
  }
  const candidates = entries
    .filter((entry) => RUN_DIR.exec(entry)?.[1] === name)
    .sort((a, b) => {
      const [, , na] = RUN_DIR.exec(a) ?? [];
      const [, , nb] = RUN_DIR.exec(b) ?? [];
      const base = (s: string) => s.replace(/-\d+$/, '');
      const ka = na === undefined ? a : base(a);
      const kb = nb === undefined ? b : base(b);
      return ka === kb ? Number(na ?? 1) - Number(nb ?? 1) : ka < kb ? -1 : 1;
    })
    .reverse();
  for (const entry of candidates) {
    const dir = join(runsDir, entry);
    const found = await stat(join(dir, RUN_FILES.record)).then(
      () => true,
      () => false,
    );
    if (found) return dir;
  }
  return undefined;
}
