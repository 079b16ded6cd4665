import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRunDirectoryName } from './layout.js';
import { runPaths } from './open-run.js';
import { pathExists } from './path-exists.js';

/**
 * The newest run directory named `<name>-<yyyymmdd-hhmmss>[-<n>]` in `runsDir` that holds a
 * record, or undefined when there is none (or no `runsDir`).
 */
export async function findRunDirectory(runsDir: string, name: string): Promise<string | undefined> {
  let entries: string[];
  try {
    entries = await readdir(runsDir);
  } catch {
    return undefined;
  }
  const candidates = entries
    .flatMap((entry) => {
      const parsed = parseRunDirectoryName(entry);
      return parsed?.name === name ? [{ entry, ...parsed }] : [];
    })
    .sort((a, b) => (a.timestamp === b.timestamp ? b.n - a.n : a.timestamp < b.timestamp ? 1 : -1));
  for (const { entry } of candidates) {
    const dir = join(runsDir, entry);
    if (await pathExists(runPaths(dir).record)) return dir;
  }
  return undefined;
}
