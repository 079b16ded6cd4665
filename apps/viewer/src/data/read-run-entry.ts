import { MetricsError, parseRunRecord, type RunRecord } from '@fmnist/metrics';
import type { RunSummary } from '../shared/run-summary.js';
import { summarizeRunRecord } from '../shared/summarize-run-record.js';
import type { RunEntry } from '../shared/viewer-index.js';

/** A run as the app holds it: its summary (from the index), or what is wrong with it. */
export interface LoadedRun {
  key: string;
  source: string;
  /** Changes whenever run.json changes: a full record fetched at another version is stale. */
  version: string;
  hasModel: boolean;
  summary?: RunSummary;
  /** The whole record, when the app has it already (an HTML report, a dropped file). */
  record?: RunRecord;
  /** What is wrong, in words, when the record is missing or invalid. */
  problem?: string;
  /** Opened from a dropped or picked file. */
  dropped?: boolean;
}

/** Explain why a record could not be read: the message, and every fault with its path. */
export function describeRecordError(error: unknown): string {
  if (MetricsError.isInstance(error)) {
    const issues = error.issues ?? [];
    const details = issues
      .slice(1, 6)
      .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
      .join('; ');
    return details ? `${error.message} Also: ${details}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A served run entry (already validated and summarised by the server). */
export function readRunEntry(entry: RunEntry): LoadedRun {
  const base = {
    key: entry.key,
    source: entry.source,
    version: entry.version,
    hasModel: entry.hasModel,
  };
  if (entry.error !== undefined || entry.summary === undefined) {
    return { ...base, problem: entry.error ?? 'the server sent no summary of this run' };
  }
  return { ...base, summary: entry.summary };
}

/** Validate a whole run record (a report's, a dropped file's) with `parseRunRecord`; never throws. */
export function readRunRecord(
  base: { key: string; source: string; hasModel: boolean; version?: string },
  value: unknown,
): LoadedRun {
  const loaded = { version: base.key, ...base };
  try {
    const record = parseRunRecord(value);
    return { ...loaded, record, summary: summarizeRunRecord(record) };
  } catch (error) {
    return { ...loaded, problem: describeRecordError(error) };
  }
}
