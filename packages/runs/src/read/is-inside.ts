import { isAbsolute, relative, sep } from 'node:path';

/** Whether `child` is `parent` or inside it (compare real paths: no symlink is resolved here). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
