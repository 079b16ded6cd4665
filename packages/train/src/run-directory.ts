import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The files of a run directory (DESIGN.md's contract). */
export const RUN_FILES = {
  record: 'run.json',
  model: 'model',
  checkpoint: 'checkpoint',
  report: 'report.md',
} as const;

function timestamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}-` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`
  );
}

/** A name safe for a folder: letters, digits, dot, dash and underscore. */
export function toRunName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe || 'run';
}

/**
 * Make a new run directory `<outDir>/<name>-<yyyymmdd-hhmmss UTC>`, adding `-2`, `-3`… when that
 * exists already, and return its path.
 */
export async function createRunDirectory(
  outDir: string,
  name: string,
  now = new Date(),
): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const base = join(outDir, `${toRunName(name)}-${timestamp(now)}`);
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
