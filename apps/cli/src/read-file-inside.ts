import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Whether `child` is `parent` or inside it (both real paths). */
function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** What {@link readFileInside} found: the bytes, or why there are none. */
export type FileInside =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'outside' | 'not-a-file'; real: string };

/**
 * Read `dir/file` only when its real path (symlinks resolved) is a regular file inside `dir`'s
 * real path, as the viewer's per-file endpoint does: a run directory whose `model/weights.bin`
 * links to `/etc/shadow` must not put that file in a report meant to be shared.
 */
export async function readFileInside(dir: string, file: string): Promise<FileInside> {
  const realDir = await realpath(dir).catch(() => undefined);
  const real = await realpath(join(dir, file)).catch(() => undefined);
  if (realDir === undefined || real === undefined) return { ok: false, reason: 'missing' };
  if (!isInside(realDir, real)) return { ok: false, reason: 'outside', real };
  if (!(await stat(real)).isFile()) return { ok: false, reason: 'not-a-file', real };
  return { ok: true, bytes: await readFile(real) };
}
