// The warm cache: decompressed, verified IDX files in the user cache, plus one small stamp file
// recording each file's size, mtime and sha256 when it was written. A file whose size and mtime
// still match its stamp is trusted without hashing; any other is hashed again before use.
import { readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomically } from './write-file-atomically.js';

/** Name of the stamp file inside the cache directory. */
export const CACHE_STAMP_FILE = 'fmnist-cache.json';

interface StampEntry {
  size: number;
  mtimeMs: number;
  sha256: string;
}

type Stamp = Record<string, StampEntry>;

async function readStamp(cacheDir: string): Promise<Stamp> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(cacheDir, CACHE_STAMP_FILE), 'utf8'));
  } catch {
    return {};
  }
  const files =
    typeof parsed === 'object' && parsed !== null && 'files' in parsed ? parsed.files : undefined;
  const stamp: Stamp = {};
  if (typeof files !== 'object' || files === null) return stamp;
  for (const [name, entry] of Object.entries(files)) {
    if (
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.size === 'number' &&
      typeof entry.mtimeMs === 'number' &&
      typeof entry.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(entry.sha256)
    ) {
      stamp[name] = { size: entry.size, mtimeMs: entry.mtimeMs, sha256: entry.sha256 };
    }
  }
  return stamp;
}

async function writeStamp(cacheDir: string, stamp: Stamp): Promise<void> {
  await writeFileAtomically(
    join(cacheDir, CACHE_STAMP_FILE),
    `${JSON.stringify({ version: 1, files: stamp }, null, 2)}\n`,
  );
}

/**
 * The sha256 the stamp records for `path` (a file directly in `cacheDir`), when the file's size
 * and mtime are still the ones stamped; `undefined` when there is no stamp or the file changed.
 */
export async function readStampedSha256(
  cacheDir: string,
  path: string,
): Promise<string | undefined> {
  const name = basename(path);
  if (join(cacheDir, name) !== path) return undefined;
  const entry = (await readStamp(cacheDir))[name];
  if (entry === undefined) return undefined;
  try {
    const info = await stat(path);
    return info.size === entry.size && info.mtimeMs === entry.mtimeMs ? entry.sha256 : undefined;
  } catch {
    return undefined;
  }
}

/** One verified file to keep in the cache. */
export interface CacheEntry {
  /** File name (no directory, no `.gz`). */
  fileName: string;
  /** Decompressed content. */
  bytes: Uint8Array;
  /** Its sha256, already checked by the caller. */
  sha256: string;
}

/**
 * Writes each entry atomically into `cacheDir` under its file name and stamps it; returns the
 * paths written, by file name.
 */
export async function storeInCache(
  cacheDir: string,
  entries: readonly CacheEntry[],
): Promise<Map<string, string>> {
  const stamp = await readStamp(cacheDir);
  const paths = new Map<string, string>();
  for (const { fileName, bytes, sha256 } of entries) {
    const path = join(cacheDir, fileName);
    await writeFileAtomically(path, bytes);
    const info = await stat(path);
    stamp[fileName] = { size: info.size, mtimeMs: info.mtimeMs, sha256 };
    paths.set(fileName, path);
  }
  await writeStamp(cacheDir, stamp);
  return paths;
}

/** Records the sha256 of files already in `cacheDir` (just hashed by the caller). */
export async function stampCachedFiles(
  cacheDir: string,
  entries: readonly { fileName: string; sha256: string }[],
): Promise<void> {
  const stamp = await readStamp(cacheDir);
  for (const { fileName, sha256 } of entries) {
    const info = await stat(join(cacheDir, fileName));
    stamp[fileName] = { size: info.size, mtimeMs: info.mtimeMs, sha256 };
  }
  await writeStamp(cacheDir, stamp);
}

/** Deletes cached files that failed verification, and their stamps. */
export async function discardCachedFiles(
  cacheDir: string,
  paths: readonly string[],
): Promise<void> {
  const stamp = await readStamp(cacheDir);
  for (const path of paths) {
    await rm(path, { force: true });
    delete stamp[basename(path)];
  }
  await writeStamp(cacheDir, stamp);
}
