import type { BigIntStats, Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isInside } from './is-inside.js';

/** A file found inside its directory: its real path, and a version that changes whenever it does. */
export interface FileInside {
  ok: true;
  /** The file's real path (symlinks resolved), inside the directory's real path. */
  path: string;
  size: number;
  mtimeMs: number;
  /**
   * `<size>-<mtime in ns>-<inode>`: changes whenever the file is rewritten (an atomic write makes
   * a new inode), so a cache or an ETag can use it without reading the file.
   */
  version: string;
}

/** Why a file inside a directory cannot be used. */
export interface FileInsideProblem {
  ok: false;
  /**
   * `missing`: nothing there (a directory still being written is not an error); `outside`: a
   * link that leaves the directory; `not-a-file`: a directory, pipe, socket or device;
   * `too-large`: over the reader's limit; `unreadable`: any other failure;
   * `invalid-json`: read, but not JSON ({@link readRecordFile} only).
   */
  reason: 'missing' | 'outside' | 'not-a-file' | 'too-large' | 'unreadable' | 'invalid-json';
  /** In words, naming the file as given (never its content or where a link goes). */
  message: string;
  /** For `outside`: the real path the link leads to, for a person's own terminal (not for a page). */
  target?: string;
}

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** What kind of thing a stat describes: the methods `Stats` and `BigIntStats` share. */
type FileKind = Pick<
  Stats,
  'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'
>;

const describeKind = (info: FileKind) =>
  info.isDirectory()
    ? 'a directory'
    : info.isFIFO()
      ? 'a named pipe'
      : info.isSocket()
        ? 'a socket'
        : info.isCharacterDevice() || info.isBlockDevice()
          ? 'a device'
          : 'not a regular file';

/** The version string of {@link FileInside} from a stat with bigint fields. */
export function fileVersion(info: { size: bigint; mtimeNs: bigint; ino: bigint }): string {
  return `${info.size}-${info.mtimeNs}-${info.ino}`;
}

/** `problem` for a file that resolved but is not a regular file, else undefined. */
export function checkRegularFile(file: string, info: FileKind): FileInsideProblem | undefined {
  return info.isFile()
    ? undefined
    : {
        ok: false,
        reason: 'not-a-file',
        message: `${file} is ${describeKind(info)}, not a file: refused, not read`,
      };
}

/**
 * The real path of `dir/file` when it stays inside `dir`'s real path, else why not. Only what
 * resolves is checked here; the kind of file is checked on the stat (or the open handle).
 * @internal
 */
export async function resolveFileInside(
  dir: string,
  file: string,
): Promise<{ ok: true; path: string } | FileInsideProblem> {
  const missing: FileInsideProblem = {
    ok: false,
    reason: 'missing',
    message: `${file} is not there (yet)`,
  };
  const realDir = await realpath(dir).catch(() => undefined);
  if (realDir === undefined) return missing;
  let real: string;
  try {
    real = await realpath(join(realDir, file));
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return missing;
    return unreadable(file, error);
  }
  if (!isInside(realDir, real)) {
    return {
      ok: false,
      reason: 'outside',
      message: `${file} is a link to a file outside its directory: refused, not read`,
      target: real,
    };
  }
  return { ok: true, path: real };
}

/** The problem for a failure of the file system other than "not there". @internal */
export function unreadable(file: string, error: unknown): FileInsideProblem {
  return {
    ok: false,
    reason: 'unreadable',
    message: `${file} could not be read: ${(error as Error).message}`,
  };
}

/**
 * Stat `dir/file` the way every reader of run, experiment and sweep directories does: symlinks
 * are followed only while the real path stays inside `dir`'s real path (a `run.json` linked to
 * `/etc/passwd` is refused, never opened), and only regular files count (a `run.json` that is a
 * directory or a named pipe is refused). Never throws.
 *
 * @param dir - the directory (a run's, an experiment's, a sweep's)
 * @param file - a path relative to it, e.g. `run.json` or `model/model.json`
 */
export async function statFileInside(
  dir: string,
  file: string,
): Promise<FileInside | FileInsideProblem> {
  const resolved = await resolveFileInside(dir, file);
  if (!resolved.ok) return resolved;
  let info: BigIntStats;
  try {
    info = await stat(resolved.path, { bigint: true });
  } catch (error) {
    return unreadable(file, error);
  }
  return checkRegularFile(file, info) ?? toFileInside(resolved.path, info);
}

/** A {@link FileInside} from a real path and its stat. @internal */
export function toFileInside(path: string, info: BigIntStats): FileInside {
  return {
    ok: true,
    path,
    size: Number(info.size),
    mtimeMs: Number(info.mtimeMs),
    version: fileVersion(info),
  };
}
