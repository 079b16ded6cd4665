import { type FSWatcher, watch } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseExperimentRecord, parseRunRecord, parseSweepRecord } from '@fmnist/metrics';
import {
  type FileInside,
  type FileInsideProblem,
  isInside,
  listRecordDirectories,
  MODEL_FILE,
  mapConcurrently,
  RECORD_FILES,
  RUN_FILES,
  readRecordFile,
  resolveDirectory,
  statFileInside,
} from '@fmnist/runs';
import { describeRecordError } from '../data/read-run-entry.js';
import type { RunSummary } from '../shared/run-summary.js';
import { summarizeRunRecord } from '../shared/summarize-run-record.js';
import type {
  ExperimentEntry,
  IndexChange,
  RunEntry,
  ViewerIndex,
} from '../shared/viewer-index.js';
import { openSummaryCache } from './summary-cache.js';

/** The folders to look in. */
export interface RunIndexOptions {
  runsDir: string;
  experimentsDir: string;
  /** Sweeps (issue 20): folders holding a sweep.json (SweepRecord) whose `runs` and `retrain` name run `path`s. */
  sweepsDir?: string;
  /** How often to look again even when no file event came (a safety net for file systems without events). Default 5000 ms. */
  sweepMs?: number;
  /**
   * A file to keep the run summaries in between starts (`fmnist view` uses one under the user
   * cache): a restart then reads only the run.json files that changed. Default: none.
   */
  cacheFile?: string;
  /**
   * Resolve as soon as the folders are listed, and read the runs after (the index says how far
   * it is in `loading`, and each batch of runs read is a change), rather than once every run
   * is read. Default false.
   */
  readInBackground?: boolean;
  /**
   * With `readInBackground`: how long to wait for the whole reading before resolving anyway, so
   * that a few runs are there at once and only many are read in the background. Default 1000 ms.
   */
  backgroundAfterMs?: number;
}

/** A cached, self-updating index of run summaries and experiments. */
export interface RunIndex {
  /** The index as it is now. */
  current(): ViewerIndex;
  /** Where a listed run key lives on disk (its real path). */
  runDir(key: string): string | undefined;
  /** Look at the folders again now; resolves once the index is up to date. */
  refresh(): Promise<void>;
  /** Call `listener` with every change; returns a function that stops. */
  subscribe(listener: (change: IndexChange) => void): () => void;
  /** Resolves once every run found at the start has been read. */
  ready: Promise<void>;
  /** Stop watching. */
  close(): void;
}

interface CachedRun {
  dir: string;
  entry: RunEntry;
  /** run.json's real path, when it was read (the summary cache's key). */
  recordPath?: string;
}

/** Runs read at once: enough to overlap file reads with parsing, few enough to bound memory. */
const CONCURRENCY = 8;

/** During the first reading, the runs read are published in batches of this many. */
const PROGRESS_BATCH = 100;

/** The version of an entry whose record is refused: it changes when the reason does. */
const refusedVersion = (file: FileInsideProblem) => `refused-${file.reason}`;

/** The run paths a sweep record lists: each trial's run, then the retrained one. */
function sweepRunPaths(value: { runs?: unknown; retrain?: unknown } | undefined): unknown[] {
  return [
    ...(Array.isArray(value?.runs) ? value.runs : []),
    ...(value?.retrain && typeof value.retrain === 'object' ? [value.retrain] : []),
  ];
}

/**
 * Build the index of every run (a folder of `runsDir` with run.json, and every run an
 * experiment or sweep lists by its relative `path`) and every experiment and sweep (a folder of
 * `experimentsDir` with experiment.json, of `sweepsDir` with sweep.json), then keep it fresh from
 * file events (and a slow sweep): a record is read again only when its version (size, time,
 * inode) changed. Every folder is listed and every file read through `@fmnist/runs`
 * (`listRecordDirectories`, `statFileInside`, `readRecordFile`: real paths kept inside their
 * directory, regular files only), the same reader the CLI uses. Runs are kept as summaries
 * (`summarizeRunRecord`, well under 2 KB each), never as whole records. Records are validated
 * with `@fmnist/metrics` (`parseRunRecord`, `parseExperimentRecord`, `parseSweepRecord`). A
 * folder without its record yet is not listed (it is being created); a record that is damaged,
 * invalid, newer, or refused is listed with the reason. Nothing outside the folders is read.
 */
export async function createRunIndex(options: RunIndexOptions): Promise<RunIndex> {
  const roots = [
    { label: 'runs', dir: resolve(options.runsDir) },
    { label: 'experiments', dir: resolve(options.experimentsDir) },
    ...(options.sweepsDir ? [{ label: 'sweeps', dir: resolve(options.sweepsDir) }] : []),
  ];
  let version = 0;
  let runs = new Map<string, CachedRun>();
  let experiments = new Map<string, ExperimentEntry>();
  const listeners = new Set<(change: IndexChange) => void>();
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  let loading: IndexChange['loading'];
  // Resolved when the first reading knows which runs there are (before it reads them).
  let onListed = () => {};
  const listed = new Promise<void>((done) => {
    onListed = done;
  });
  const cache = await openSummaryCache(options.cacheFile);

  const watchDir = (dir: string) => {
    if (closed || watchers.has(dir)) return;
    try {
      const watcher = watch(dir, { persistent: false }, () => schedule());
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
    } catch {
      // Not watchable (gone, or out of watches): the sweep still sees it.
    }
  };

  const readRun = async (
    key: string,
    dir: string,
    previous: CachedRun | undefined,
    listed: FileInside | FileInsideProblem | undefined,
  ): Promise<CachedRun | undefined> => {
    const file = listed ?? (await statFileInside(dir, RUN_FILES.record));
    if (!file.ok && file.reason === 'missing') return undefined;
    const hasModel = (await statFileInside(dir, join(RUN_FILES.model, MODEL_FILE))).ok;
    const base = { key, source: key, hasModel };
    const fileVersion = file.ok ? file.version : refusedVersion(file);
    if (previous && previous.entry.version === fileVersion) {
      return previous.entry.hasModel === hasModel
        ? previous
        : { ...previous, entry: { ...previous.entry, hasModel } };
    }
    if (!file.ok) return { dir, entry: { ...base, version: fileVersion, error: file.message } };
    const recordPath = file.path;
    const cached = cache.get(recordPath, file.version);
    if (cached) {
      const { summary, error } = cached;
      return {
        dir,
        recordPath,
        entry: { ...base, version: file.version, ...(summary ? { summary } : { error }) },
      };
    }
    const read = await readRecordFile(dir, RUN_FILES.record);
    if (!read.ok) {
      if (read.reason === 'missing') return undefined;
      // The stat's version: a file that is not JSON is read again only when it changes.
      if (read.reason === 'invalid-json') {
        cache.set(recordPath, { version: file.version, error: read.message });
      }
      return { dir, recordPath, entry: { ...base, version: file.version, error: read.message } };
    }
    let found: { summary: RunSummary } | { error: string };
    try {
      found = { summary: summarizeRunRecord(parseRunRecord(read.value)) };
    } catch (error) {
      found = { error: describeRecordError(error) };
    }
    cache.set(read.path, { version: read.version, ...found });
    return { dir, recordPath: read.path, entry: { ...base, version: read.version, ...found } };
  };

  const readExperiment = async (
    key: string,
    dir: string,
    file: FileInside | FileInsideProblem,
    previous: ExperimentEntry | undefined,
    kind: 'experiment' | 'sweep',
  ) => {
    const kindField = kind === 'sweep' ? { kind } : {};
    if (!file.ok) {
      const entry = { ...kindField, key, source: key, runKeys: [] };
      return { entry: { ...entry, version: refusedVersion(file), error: file.message }, paths: [] };
    }
    let value: unknown;
    let error: string | undefined;
    if (previous && previous.version === file.version) {
      value = previous.record;
      error = previous.error;
    } else {
      const read = await readRecordFile(dir, RECORD_FILES[kind]);
      if (read.ok) {
        value = read.value;
        try {
          if (kind === 'sweep') parseSweepRecord(value);
          else parseExperimentRecord(value);
        } catch (problem) {
          error = describeRecordError(problem);
        }
      } else {
        error = read.message;
      }
    }
    const listed =
      kind === 'sweep'
        ? sweepRunPaths(value as { runs?: unknown; retrain?: unknown } | undefined)
        : (value as { runs?: unknown } | undefined)?.runs;
    const paths = Array.isArray(listed)
      ? listed.map((run) => {
          const path = (run as { path?: unknown } | null)?.path;
          return typeof path === 'string' && path !== '' && !isAbsolute(path)
            ? resolve(dir, path)
            : undefined;
        })
      : [];
    return {
      entry: {
        ...kindField,
        key,
        source: key,
        version: file.version,
        record: value,
        ...(error ? { error } : {}),
      },
      paths,
    };
  };

  const scan = async (): Promise<IndexChange | undefined> => {
    const realRoots = await Promise.all(
      roots.map(async (r) => ({ ...r, real: (await resolveDirectory(r.dir)) ?? r.dir })),
    );
    for (const root of realRoots) watchDir(root.real);
    const keyOf = (real: string) => {
      const root = realRoots.find((r) => isInside(r.real, real) && r.real !== real);
      return root ? [root.label, ...relative(root.real, real).split(sep)].join('/') : undefined;
    };
    // Each run's folder, and its run.json's stat when the listing made one already.
    const candidates = new Map<string, { dir: string; record?: FileInside | FileInsideProblem }>();
    const addCandidate = (real: string, record?: FileInside | FileInsideProblem) => {
      const key = keyOf(real);
      if (key !== undefined && !candidates.has(key)) candidates.set(key, { dir: real, record });
      return key;
    };
    for (const run of await listRecordDirectories(realRoots[0]?.real ?? '', 'run')) {
      addCandidate(run.dir, run.record);
    }

    const nextExperiments = new Map<string, ExperimentEntry>();
    const experimentDirs: string[] = [];
    const groups = [
      { kind: 'experiment' as const, label: 'experiments', root: realRoots[1]?.real },
      ...(options.sweepsDir
        ? [{ kind: 'sweep' as const, label: 'sweeps', root: realRoots[2]?.real }]
        : []),
    ];
    for (const { kind, label, root } of groups) {
      if (root === undefined) continue;
      for (const found of await listRecordDirectories(root, kind)) {
        const key = `${label}/${found.name}`;
        watchDir(found.dir);
        experimentDirs.push(found.dir);
        const read = await readExperiment(key, found.dir, found.record, experiments.get(key), kind);
        const reals = await mapConcurrently(read.paths, CONCURRENCY, async (path) =>
          path === undefined ? undefined : resolveDirectory(path),
        );
        const runKeys = reals.map((real) =>
          real === undefined ? null : (addCandidate(real) ?? null),
        );
        nextExperiments.set(key, { ...read.entry, runKeys });
      }
    }

    // The first reading publishes what it has read so far, a batch at a time.
    const first = version === 0 && runs.size === 0;
    let batch: CachedRun[] = [];
    let readCount = 0;
    if (first) {
      loading = { read: 0, total: candidates.size };
      onListed();
    }
    const publish = () => {
      for (const run of batch) runs.set(run.entry.key, run);
      const change: IndexChange = {
        from: version,
        version: version + 1,
        runs: batch.map((run) => run.entry),
        experiments: [],
        removed: [],
        loading: { read: readCount, total: candidates.size },
      };
      version += 1;
      loading = change.loading;
      batch = [];
      for (const listener of listeners) listener(change);
    };
    const found = await mapConcurrently(
      [...candidates],
      CONCURRENCY,
      async ([key, { dir, record }]) => {
        watchDir(dir);
        const run = await readRun(key, dir, runs.get(key), record);
        if (first) {
          readCount += 1;
          if (run) batch.push(run);
          if (readCount % PROGRESS_BATCH === 0 && readCount < candidates.size) publish();
        }
        return [key, run] as const;
      },
    );
    const nextRuns = new Map<string, CachedRun>();
    for (const [key, run] of found) if (run) nextRuns.set(key, run);
    // An experiment's run that is not there (yet) is `null`.
    for (const entry of nextExperiments.values()) {
      entry.runKeys = entry.runKeys.map((k) => (k !== null && nextRuns.has(k) ? k : null));
    }

    const changedRuns = [...nextRuns.values()]
      .filter((run) => runs.get(run.entry.key) !== run)
      .map((run) => run.entry);
    const changedExperiments = [...nextExperiments.values()].filter((e) => {
      const old = experiments.get(e.key);
      return (
        !old ||
        old.version !== e.version ||
        old.runKeys.join('\n') !== e.runKeys.join('\n') ||
        old.error !== e.error
      );
    });
    const removed = [
      ...[...runs.keys()].filter((k) => !nextRuns.has(k)),
      ...[...experiments.keys()].filter((k) => !nextExperiments.has(k)),
    ];
    const watched = new Set([
      ...realRoots.map((r) => r.real),
      ...experimentDirs,
      ...[...nextRuns.values()].map((r) => r.dir),
    ]);
    for (const [dir, watcher] of watchers) {
      if (!watched.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    runs = nextRuns;
    experiments = nextExperiments;
    loading = undefined;
    if (changedRuns.length === 0 && changedExperiments.length === 0 && removed.length === 0)
      return undefined;
    const change: IndexChange = {
      from: version,
      version: version + 1,
      runs: changedRuns,
      experiments: changedExperiments,
      removed,
    };
    version += 1;
    return change;
  };

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveCache = () =>
    cache.save(
      [...runs.values()].flatMap((run) => (run.recordPath === undefined ? [] : [run.recordPath])),
    );
  // The cache only speeds up the next start, and close() writes a pending one: while runs train
  // (each epoch rewrites a run.json) it is written at most once a minute, not every few seconds
  // (the whole cache with fsync: ~1.5 MB for 1,000 runs).
  const saveCacheSoon = () => {
    if (saveTimer || closed) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void saveCache();
    }, 60_000);
    saveTimer.unref?.();
  };

  let running: Promise<void> | undefined;
  let again = false;
  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const change = await scan();
        if (change) {
          for (const listener of listeners) listener(change);
          saveCacheSoon();
        }
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // File events come in bursts (a temp file written, then renamed): look once, a moment later.
  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void refresh().catch(() => undefined);
    }, 100);
    timer.unref?.();
  };

  const ready = refresh().then(() => {
    // Written now, not awaited: the server need not wait for it.
    void saveCache();
  });
  // Awaited below, or by the caller through `ready`; never an unhandled rejection.
  ready.catch(() => undefined);
  if (options.readInBackground) {
    await Promise.race([listed, ready]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      ready.catch(() => undefined),
      new Promise((done) => {
        timer = setTimeout(done, options.backgroundAfterMs ?? 1000);
      }),
    ]);
    clearTimeout(timer);
  } else {
    await ready;
  }
  const sweep = setInterval(() => void refresh().catch(() => undefined), options.sweepMs ?? 5000);
  sweep.unref?.();

  return {
    current: () => ({
      version,
      runs: [...runs.values()].map((r) => r.entry),
      experiments: [...experiments.values()],
      ...(loading ? { loading } : {}),
    }),
    ready,
    // A listed run's folder even when its record is refused: every file served from it goes through
    // statFileInside, which refuses pipes, folders and links out on its own (and an unknown key
    // makes the server rescan, so a refused run must not look unknown).
    runDir: (key) => runs.get(key)?.dir,
    refresh,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearInterval(sweep);
      if (timer) clearTimeout(timer);
      if (saveTimer) {
        clearTimeout(saveTimer);
        void saveCache();
      }
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
