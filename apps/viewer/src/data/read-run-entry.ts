import { MetricsError, parseRunRecord, type RunRecord } from '@fmnist/metrics';
import type { RunEntry } from '../shared/viewer-index.js';

/** A run entry after validation: its record, or what is wrong with it. */
export interface LoadedRun {
  key: string;
  source: string;
  hasModel: boolean;
  record?: RunRecord;
  /** What is wrong, in words, when the record is missing or invalid. */
  problem?: string;
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

/** Validate one run entry with `parseRunRecord`; never throws. */
export function readRunEntry(entry: RunEntry): LoadedRun {
  const base = { key: entry.key, source: entry.source, hasModel: entry.hasModel };
  if (entry.error !== undefined) return { ...base, problem: entry.error };
  try {
    return { ...base, record: parseRunRecord(entry.record) };
  } catch (error) {
    return { ...base, problem: describeRecordError(error) };
  }
}
