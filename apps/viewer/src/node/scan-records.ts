import { readdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { hasSavedModel, peekRecord, runPaths } from '@fmnist/runs';
import type { ExperimentEntry, RunEntry, ViewerIndex } from '../shared/viewer-index.js';

/** The folders to look in. */
export interface ScanOptions {
  runsDir: string;
  experimentsDir: string;
}

/** What a scan finds: the index for the browser, and where each run key lives on disk. */
export interface ScanResult {
  index: ViewerIndex;
  runDirs: Map<string, string>;
}

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

async function subdirectories(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
}

/** Whether `child` is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Find every run (a folder of `runsDir` with a run record, and the runs experiments list) and
 * every experiment (a folder of `experimentsDir` with an experiment record), read through
 * `@fmnist/runs`. Half-written and
 * malformed records are listed with an `error`; nothing outside the two folders is read.
 */
export async function scanRecords(options: ScanOptions): Promise<ScanResult> {
  const roots = [
    { label: 'runs', dir: resolve(options.runsDir) },
    { label: 'experiments', dir: resolve(options.experimentsDir) },
  ];
  const realRoots = await Promise.all(
    roots.map(async (root) => ({ ...root, real: await realpath(root.dir).catch(() => root.dir) })),
  );
  const runs: RunEntry[] = [];
  const runDirs = new Map<string, string>();
  const keyOfDir = new Map<string, string>();

  const addRun = async (dir: string): Promise<string | undefined> => {
    const real = await realpath(dir).catch(() => undefined);
    if (real === undefined) return undefined;
    const known = keyOfDir.get(real);
    if (known) return known;
    const root = realRoots.find((r) => isInside(r.real, real));
    if (!root) return undefined;
    const key = [root.label, ...relative(root.real, real).split(sep)].join('/');
    const entry: RunEntry = {
      key,
      source: key,
      ...(await peekRecord('run', real)),
      hasModel: await hasSavedModel(runPaths(real).model),
    };
    runs.push(entry);
    runDirs.set(key, real);
    keyOfDir.set(real, key);
    return key;
  };

  const runsRoot = roots[0]?.dir ?? '';
  for (const name of await subdirectories(runsRoot)) await addRun(join(runsRoot, name));

  const experiments: ExperimentEntry[] = [];
  const experimentsRoot = roots[1]?.dir ?? '';
  for (const name of await subdirectories(experimentsRoot)) {
    const dir = join(experimentsRoot, name);
    const key = `experiments/${name}`;
    const read = await peekRecord('experiment', dir);
    const runKeys: string[] = [];
    const listed = (read.record as { runs?: unknown } | undefined)?.runs;
    if (Array.isArray(listed)) {
      for (const run of listed) {
        const path = (run as { path?: unknown } | null)?.path;
        if (typeof path !== 'string' || path === '' || isAbsolute(path)) continue;
        const runKey = await addRun(resolve(dir, path));
        if (runKey) runKeys.push(runKey);
      }
    }
    experiments.push({ key, source: key, ...read, runKeys });
  }
  return { index: { runs, experiments }, runDirs };
}
