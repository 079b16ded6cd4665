/**
 * Every file the viewer's server reads from run and experiment folders goes through this
 * module: listing the folders of a root, and reading a record file only when its real path
 * (symlinks resolved) stays inside its directory. It is the one place to switch when the
 * layout moves to a shared library (issue 17's @fmnist/runs).
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** Whether `child` is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The names of the folders in `dir` (hidden ones left out), sorted; none when it does not exist. */
export async function listDirectories(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => (e.isDirectory() || e.isSymbolicLink()) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
}

/** A directory's real path, `undefined` when it is not there. */
export async function realDirectory(dir: string): Promise<string | undefined> {
  const real = await realpath(dir).catch(() => undefined);
  if (real === undefined) return undefined;
  return (await stat(real).catch(() => undefined))?.isDirectory() ? real : undefined;
}

/** What {@link statRecordFile} finds: the file's real path and a version that changes when it does. */
export interface RecordFileStat {
  path: string;
  version: string;
}

/**
 * Stat `dir/name`, following symlinks only while they stay inside `dir` (a real path): a
 * `run.json` linked to a file elsewhere is refused, never read. `missing` when there is no
 * such file (a directory still being created).
 */
export async function statRecordFile(
  dir: string,
  name: string,
): Promise<RecordFileStat | { missing: true } | { refused: string }> {
  const real = await realpath(join(dir, name)).catch((error: unknown) => error);
  if (typeof real !== 'string') {
    return errorCode(real) === 'ENOENT'
      ? { missing: true }
      : { refused: `${name} could not be read: ${(real as Error).message}` };
  }
  if (!isInside(dir, real)) {
    return { refused: `${name} is a link to a file outside its directory: refused, not read` };
  }
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { missing: true };
  return { path: real, version: `${Math.round(info.mtimeMs)}-${info.size}` };
}

/** Read and parse a record file whose real path {@link statRecordFile} returned; a malformed one gives an `error` in words. */
export async function readRecordFile(
  path: string,
  name: string,
): Promise<{ value?: unknown; error?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { error: `${name} could not be read: ${(error as Error).message}` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    // The parser's message quotes the file's first characters: not for the browser.
    return { error: `${name} is not valid JSON: the file is damaged or was cut short` };
  }
}
