import { readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { RECORD_FILES, type RecordKind } from '../layout.js';
import { isInside } from './is-inside.js';
import { mapConcurrently } from './map-concurrently.js';
import { resolveDirectory } from './resolve-directory.js';
import { type FileInside, type FileInsideProblem, statFileInside } from './stat-file-inside.js';

/** A folder holding a record file, as {@link listRecordDirectories} finds it. */
export interface RecordDirectory {
  /** The folder's name in the root. */
  name: string;
  /** Its real path (inside the root's real path). */
  dir: string;
  /** Its record file: where it is and its version, or why it is refused (never `missing`). */
  record: FileInside | FileInsideProblem;
}

/** Options of {@link listRecordDirectories}. */
export interface ListRecordDirectoriesOptions {
  /** Folders looked at at once. Default 16. */
  concurrency?: number;
}

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

/**
 * The runs, experiments or sweeps directly under `root`: every folder (hidden ones left out)
 * whose real path stays inside the root's and that holds the kind's record file (`run.json`,
 * `experiment.json`, `sweep.json`), sorted by name, each with the file's version (to re-read
 * only what changed) or why it is refused (a link out of its folder, not a regular file).
 * A folder without its record yet is being created and is not listed; a root that is not
 * there lists nothing. Nothing is read but directory entries and stats.
 *
 * @example
 * ```ts
 * for (const run of await listRecordDirectories('runs', 'run')) {
 *   const read = await readRecordFile(run.dir, RUN_FILES.record);
 * }
 * ```
 */
export async function listRecordDirectories(
  root: string,
  kind: RecordKind,
  options: ListRecordDirectoriesOptions = {},
): Promise<RecordDirectory[]> {
  let realRoot: string;
  let names: string[];
  try {
    realRoot = await realpath(root);
    const entries = await readdir(realRoot, { withFileTypes: true });
    names = entries
      .filter((e) => (e.isDirectory() || e.isSymbolicLink()) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
  const found = await mapConcurrently(names, options.concurrency ?? 16, async (name) => {
    const dir = await resolveDirectory(join(realRoot, name));
    if (dir === undefined || dir === realRoot || !isInside(realRoot, dir)) return undefined;
    const record = await statFileInside(dir, RECORD_FILES[kind]);
    return !record.ok && record.reason === 'missing' ? undefined : { name, dir, record };
  });
  return found.filter((entry): entry is RecordDirectory => entry !== undefined);
}
