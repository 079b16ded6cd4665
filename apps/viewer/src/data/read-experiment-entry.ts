import { type ExperimentRecord, parseExperimentRecord } from '@fmnist/metrics';
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
  /** A sweep (issue 20): what the viewer reads of its record, whatever its schema. */
  sweep?: { name: string; status: string; trials: number };
  problem?: string;
}

const text = (value: unknown, fallback: string) =>
  typeof value === 'string' && value !== '' ? value : fallback;

/** Validate one experiment entry with `parseExperimentRecord`; never throws. */
export function readExperimentEntry(entry: ExperimentEntry): LoadedExperiment {
  const base = {
    key: entry.key,
    source: entry.source,
    version: entry.version,
    runKeys: entry.runKeys,
  };
  if (entry.error !== undefined) return { ...base, problem: entry.error };
  if (entry.kind === 'sweep') {
    const record = (entry.record ?? {}) as Record<string, unknown>;
    return {
      ...base,
      sweep: {
        name: text(record.name, entry.key.replace(/^sweeps\//, '')),
        status: text(record.status, 'unknown'),
        trials: entry.runKeys.length,
      },
    };
  }
  try {
    return { ...base, record: parseExperimentRecord(entry.record) };
  } catch (error) {
    return { ...base, problem: describeRecordError(error) };
  }
}
