import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatRunTimestamp, toRunName } from './layout.js';

/**
 * Make a new directory `<outDir>/<name>-<yyyymmdd-hhmmss UTC>`, adding `-2`, `-3`… when that
 * exists already (mkdir is atomic, so two processes never get the same one), and return its path.
 */
export async function createTimestampedDirectory(
  outDir: string,
  name: string,
  now = new Date(),
): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const base = join(outDir, `${toRunName(name)}-${formatRunTimestamp(now)}`);
  for (let n = 1; ; n++) {
    const dir = n === 1 ? base : `${base}-${n}`;
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
}
