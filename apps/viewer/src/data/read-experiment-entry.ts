import { type ExperimentRecord, parseExperimentRecord, parseSweepRecord } from '@fmnist/metrics';
import type { ExperimentEntry } from '../shared/viewer-index.js';
import { describeRecordError } from './read-run-entry.js';

/** An experiment entry after validation: its record, or what is wrong with it. */
export interface LoadedExperiment {
  key: string;
  source: string;
  version: string;
  /** The key of each run the record lists, in its order; `null` for one that is not there. */
  runKeys: (string | null)[];
  record?: ExperimentRecord;
  /** A sweep (issue 20): what the viewer shows of its record (validated with `parseSweepRecord`). */
  sweep?: { name: string; status: string; trials: number };
  problem?: string;
}

/** Validate one experiment entry with `parseExperimentRecord` (a sweep's with `parseSweepRecord`); never throws. */
export function readExperimentEntry(entry: ExperimentEntry): LoadedExperiment {
  const base = {
    key: entry.key,
    source: entry.source,
    version: entry.version,
    runKeys: entry.runKeys,
  };
  if (entry.error !== undefined) return { ...base, problem: entry.error };
  try {
    if (entry.kind === 'sweep') {
      const sweep = parseSweepRecord(entry.record);
      return {
        ...base,
        sweep: { name: sweep.name, status: sweep.status, trials: entry.runKeys.length },
      };
    }
    return { ...base, record: parseExperimentRecord(entry.record) };
  } catch (error) {
    return { ...base, problem: describeRecordError(error) };
  }
}
