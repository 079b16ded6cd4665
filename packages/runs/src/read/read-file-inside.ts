import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import {
  checkRegularFile,
  type FileInside,
  type FileInsideProblem,
  resolveFileInside,
  toFileInside,
  unreadable,
} from './stat-file-inside.js';

/** Options of {@link readFileInside}. */
export interface ReadFileInsideOptions {
  /** Files larger than this are refused before a byte is read. Default: no limit. */
  maxBytes?: number;
}

/**
 * Read `dir/file` under {@link statFileInside}'s rules (a real path inside `dir`, a regular
 * file), safely against a file swapped meanwhile: the real path is opened without following a
 * link and without blocking, and checked on the open handle, so neither a link put in its place
 * nor a named pipe is read. The version is the handle's, so it matches the bytes. Never throws.
 */
export async function readFileInside(
  dir: string,
  file: string,
  options: ReadFileInsideOptions = {},
): Promise<(FileInside & { bytes: Buffer }) | FileInsideProblem> {
  const resolved = await resolveFileInside(dir, file);
  if (!resolved.ok) return resolved;
  let handle: FileHandle;
  try {
    handle = await open(
      resolved.path,
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT')
      return { ok: false, reason: 'missing', message: `${file} is not there (yet)` };
    if (code === 'ELOOP')
      return {
        ok: false,
        reason: 'outside',
        message: `${file} became a link while being read: refused, not read`,
      };
    return unreadable(file, error);
  }
  try {
    const info = await handle.stat({ bigint: true });
    const problem = checkRegularFile(file, info);
    if (problem) return problem;
    const found = toFileInside(resolved.path, info);
    if (options.maxBytes !== undefined && found.size > options.maxBytes) {
      return {
        ok: false,
        reason: 'too-large',
        message: `${file} is ${found.size} bytes, over the ${options.maxBytes} bytes read here: refused, not read`,
      };
    }
    return { ...found, bytes: await handle.readFile() };
  } catch (error) {
    return unreadable(file, error);
  } finally {
    await handle.close();
  }
}
