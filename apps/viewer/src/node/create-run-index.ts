import { type FSWatcher, watch } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseExperimentRecord, parseRunRecord } from '@fmnist/metrics';
import { EXPERIMENT_FILES, MODEL_FILE, RUN_FILES } from '@fmnist/runs';
import { describeRecordError } from '../data/read-run-entry.js';
import { summarizeRunRecord } from '../shared/summarize-run-record.js';
import type {
  ExperimentEntry,
  IndexChange,
  RunEntry,
  ViewerIndex,
} from '../shared/viewer-index.js';
import {
  isInside,
  listDirectories,
  readRecordFile,
  realDirectory,
  statRecordFile,
} from './read-record-files.js';

/** The folders to look in. */
export interface RunIndexOptions {
  runsDir: string;
  experimentsDir: string;
  /** Sweeps (issue 20): folders holding a sweep.json whose `trials` (or `runs`) list run `path`s. */
  sweepsDir?: string;
  /** How often to look again even when no file event came (a safety net for file systems without events). Default 5000 ms. */
  sweepMs?: number;
}

/** A cached, self-updating index of run summaries and experiments. */
export interface RunIndex {
  /** The index as it is now. */
  current(): ViewerIndex;
  /** Where a run key lives on disk (its real path), when it is listed. */
  runDir(key: string): string | undefined;
  /** A run's run.json version (for ETags), when it is listed. */
  runVersion(key: string): string | undefined;
  /** Look at the folders again now; resolves once the index is up to date. */
  refresh(): Promise<void>;
  /** Call `listener` with every change; returns a function that stops. */
  subscribe(listener: (change: IndexChange) => void): () => void;
  /** Stop watching. */
  close(): void;
}

interface CachedRun {
  dir: string;
  entry: RunEntry;
}

const CONCURRENCY = 8;

/** A sweep's record (issue 20). @fmnist/runs has no name for it yet. */
const SWEEP_RECORD = 'sweep.json';

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  f: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i] as T);
      }
    }),
  );
  return out;
}

/**
 * The directory layout (file names) is @fmnist/runs'; the reading is read-record-files.ts'.
 *
 * Build the index of every run (a folder of `runsDir` with run.json, and every run an
 * experiment lists by its relative `path`) and every experiment (a folder of `experimentsDir`
 * with experiment.json), then keep it fresh from file events (and a slow sweep): a run is
 * read again only when its run.json's size or time changed. Runs are kept as summaries
 * (`summarizeRunRecord`, well under 2 KB each), never as whole records. A folder without its
 * record file yet is not listed (it is being created); a record that is damaged, invalid,
 * newer, or a link out of its directory is listed with the reason. Nothing outside the two
 * folders is read.
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
  ): Promise<CachedRun | undefined> => {
    const file = await statRecordFile(dir, RUN_FILES.record);
    if ('missing' in file) return undefined;
    const hasModel = 'path' in (await statRecordFile(dir, join(RUN_FILES.model, MODEL_FILE)));
    const base = { key, source: key, hasModel };
    const version = 'refused' in file ? 'refused' : file.version;
    if (previous && previous.entry.version === version) {
      return previous.entry.hasModel === hasModel
        ? previous
        : { dir, entry: { ...previous.entry, hasModel } };
    }
    if ('refused' in file) return { dir, entry: { ...base, version, error: file.refused } };
    const read = await readRecordFile(file.path, RUN_FILES.record);
    if (read.error !== undefined)
      return { dir, entry: { ...base, version: file.version, error: read.error } };
    try {
      const summary = summarizeRunRecord(parseRunRecord(read.value));
      return { dir, entry: { ...base, version: file.version, summary } };
    } catch (error) {
      return { dir, entry: { ...base, version: file.version, error: describeRecordError(error) } };
    }
  };

  const readExperiment = async (
    key: string,
    dir: string,
    previous: ExperimentEntry | undefined,
    kind: 'experiment' | 'sweep',
  ) => {
    const name = kind === 'sweep' ? SWEEP_RECORD : EXPERIMENT_FILES.record;
    const file = await statRecordFile(dir, name);
    if ('missing' in file) return undefined;
    if ('refused' in file)
      return { entry: { key, source: key, version: 'refused', error: file.refused, runKeys: [] } };
    const read =
      previous && previous.version === file.version
        ? { value: previous.record, error: previous.error }
        : await readRecordFile(file.path, name);
    let error = read.error;
    if (error === undefined && kind === 'experiment') {
      try {
        parseExperimentRecord(read.value);
      } catch (problem) {
        error = describeRecordError(problem);
      }
    }
    const value = read.value as { runs?: unknown; trials?: unknown; retrain?: unknown } | undefined;
    // A sweep (@fmnist/metrics' SweepRecord) lists its runs in `runs` and the chosen
    // configuration's retrained run in `retrain`; `trials` is accepted too.
    const listed =
      kind === 'sweep'
        ? [
            ...(Array.isArray(value?.runs)
              ? value.runs
              : Array.isArray(value?.trials)
                ? value.trials
                : []),
            ...(value?.retrain && typeof value.retrain === 'object' ? [value.retrain] : []),
          ]
        : value?.runs;
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
        ...(kind === 'sweep' ? { kind } : {}),
        key,
        source: key,
        version: file.version,
        record: read.value,
        ...(error ? { error } : {}),
      },
      paths,
    };
  };

  const scan = async (): Promise<IndexChange | undefined> => {
    const realRoots = await Promise.all(
      roots.map(async (r) => ({ ...r, real: (await realDirectory(r.dir)) ?? r.dir })),
    );
    for (const root of realRoots) watchDir(root.real);
    const keyOf = (real: string) => {
      const root = realRoots.find((r) => isInside(r.real, real) && r.real !== real);
      return root ? [root.label, ...relative(root.real, real).split(sep)].join('/') : undefined;
    };
    const candidates = new Map<string, string>();
    const addCandidate = async (dir: string) => {
      const real = await realDirectory(dir);
      const key = real === undefined ? undefined : keyOf(real);
      if (real !== undefined && key !== undefined && !candidates.has(key))
        candidates.set(key, real);
      return key;
    };
    const runsRoot = realRoots[0]?.real ?? '';
    for (const name of await listDirectories(runsRoot)) await addCandidate(join(runsRoot, name));

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
      for (const name of await listDirectories(root)) {
        const dir = await realDirectory(join(root, name));
        if (dir === undefined || !isInside(root, dir)) continue;
        const key = `${label}/${name}`;
        watchDir(dir);
        experimentDirs.push(dir);
        const read = await readExperiment(key, dir, experiments.get(key), kind);
        if (!read) continue;
        const runKeys: (string | null)[] = [];
        for (const path of read.paths ?? [])
          runKeys.push(path === undefined ? null : ((await addCandidate(path)) ?? null));
        nextExperiments.set(key, { ...read.entry, runKeys });
      }
    }

    const found = await mapLimited([...candidates], CONCURRENCY, async ([key, dir]) => {
      watchDir(dir);
      return [key, await readRun(key, dir, runs.get(key))] as const;
    });
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
        if (change) for (const listener of listeners) listener(change);
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

  await refresh();
  const sweep = setInterval(() => void refresh().catch(() => undefined), options.sweepMs ?? 5000);
  sweep.unref?.();

  return {
    current: () => ({
      version,
      runs: [...runs.values()].map((r) => r.entry),
      experiments: [...experiments.values()],
    }),
    runDir: (key) => runs.get(key)?.dir,
    runVersion: (key) => runs.get(key)?.entry.version,
    refresh,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearInterval(sweep);
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
