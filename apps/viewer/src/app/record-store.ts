import { parseRunRecord, type RunRecord } from '@fmnist/metrics';
import { describeRecordError, type LoadedRun } from '../data/read-run-entry.js';
import type { RecordResult } from './state.js';

interface Entry {
  version: string;
  record?: RunRecord;
  problem?: string;
  loading: boolean;
}

/**
 * Whole run records, fetched from `api/runs/<key>/run.json` when a view first needs one and
 * kept by version: a run whose version changed (a live run wrote an epoch) is fetched again,
 * and the older record is shown until the new one arrives. Requests revalidate with the
 * server's ETag, so an unchanged record costs a 304.
 */
export function createRecordStore(onLoaded: () => void): (run: LoadedRun) => RecordResult {
  const cache = new Map<string, Entry>();
  const load = async (run: LoadedRun, entry: Entry) => {
    try {
      const url = new URL(`api/runs/${encodeURIComponent(run.key)}/run.json`, document.baseURI);
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok)
        throw new Error(`the viewer server answered ${response.status} for ${run.source}/run.json`);
      entry.record = parseRunRecord(await response.json());
      entry.problem = undefined;
    } catch (error) {
      entry.problem = describeRecordError(error);
    } finally {
      entry.loading = false;
    }
    if (cache.get(run.key) === entry) onLoaded();
  };
  return (run) => {
    if (run.record) return { record: run.record, loading: false };
    if (run.problem) return { loading: false, problem: run.problem };
    const known = cache.get(run.key);
    if (known && known.version === run.version) return known;
    const entry: Entry = { version: run.version, record: known?.record, loading: true };
    cache.set(run.key, entry);
    void load(run, entry);
    return entry;
  };
}
