import { realpath, stat } from 'node:fs/promises';

/** A directory's real path (symlinks resolved), or undefined when there is no directory there. */
export async function resolveDirectory(dir: string): Promise<string | undefined> {
  const real = await realpath(dir).catch(() => undefined);
  if (real === undefined) return undefined;
  return (await stat(real).catch(() => undefined))?.isDirectory() ? real : undefined;
}
