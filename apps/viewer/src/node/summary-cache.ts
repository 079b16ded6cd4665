import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { readRecordFile, writeJsonAtomically } from '@fmnist/runs';
import type { RunSummary } from '../shared/run-summary.js';

/**
 * Bump when `summarizeRunRecord`'s output or the record schemas change: a cache of another
 * format is ignored (and rewritten), never trusted.
 */
export const SUMMARY_CACHE_FORMAT = 1;

/** What the cache keeps of one run.json: its summary or why it is invalid, at one version. */
export interface CachedSummary {
  version: string;
  summary?: RunSummary;
  error?: string;
}

/**
 * Summaries of run records by their real path and version, kept in one JSON file between
 * server starts, so that a restart over the same runs reads, parses and validates only the
 * records that changed. Reads through `@fmnist/runs`; written atomically.
 */
export interface SummaryCache {
  /** The cached summary of `path` when it was made from this `version` of the file. */
  get(path: string, version: string): CachedSummary | undefined;
  /** Remember a summary (or error) for `path` at `version`. */
  set(path: string, entry: CachedSummary): void;
  /** Keep only `paths` and write the file if anything changed (errors are ignored: a cache). */
  save(paths: Iterable<string>): Promise<void>;
}

const isCachedSummary = (value: unknown): value is CachedSummary => {
  const entry = value as Partial<CachedSummary> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.version === 'string' &&
    (typeof entry.error === 'string' ||
      (typeof entry.summary === 'object' && entry.summary !== null))
  );
};

/** A cache that remembers nothing (no cache file given). */
const NO_CACHE: SummaryCache = {
  get: () => undefined,
  set: () => undefined,
  save: async () => undefined,
};

/**
 * Open the summary cache kept in `file` (created on the first save); a missing, damaged or
 * other-format file is an empty cache. Without a file, a cache that keeps nothing.
 */
export async function openSummaryCache(file: string | undefined): Promise<SummaryCache> {
  if (file === undefined) return NO_CACHE;
  const entries = new Map<string, CachedSummary>();
  const read = await readRecordFile(dirname(file), basename(file));
  const value = read.ok ? (read.value as { format?: unknown; entries?: unknown }) : undefined;
  if (value?.format === SUMMARY_CACHE_FORMAT && typeof value.entries === 'object') {
    for (const [path, entry] of Object.entries(value.entries ?? {})) {
      if (isCachedSummary(entry)) entries.set(path, entry);
    }
  }
  let dirty = false;
  return {
    get(path, version) {
      const entry = entries.get(path);
      return entry?.version === version ? entry : undefined;
    },
    set(path, entry) {
      entries.set(path, entry);
      dirty = true;
    },
    async save(paths) {
      const keep = new Set(paths);
      for (const path of entries.keys()) {
        if (!keep.has(path)) {
          entries.delete(path);
          dirty = true;
        }
      }
      if (!dirty) return;
      dirty = false;
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeJsonAtomically(file, {
          format: SUMMARY_CACHE_FORMAT,
          entries: Object.fromEntries(entries),
        });
      } catch {
        // A cache that cannot be written is only slower next time.
        dirty = true;
      }
    },
  };
}
