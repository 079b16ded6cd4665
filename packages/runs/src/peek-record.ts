import { RECORD_FILES, type RecordKind } from './layout.js';
import { readRecordFile } from './read/read-record-file.js';

/**
 * A run's, an experiment's or a sweep's record as JSON, not checked against its schema (a viewer
 * shows what is there), read by {@link readRecordFile}'s rules; a missing, refused or malformed
 * file gives an `error` in words, never a throw.
 */
export async function peekRecord(
  kind: RecordKind,
  dir: string,
): Promise<{ record?: unknown; error?: string }> {
  const read = await readRecordFile(dir, RECORD_FILES[kind]);
  if (read.ok) return { record: read.value };
  return read.reason === 'missing'
    ? {
        error: `${RECORD_FILES[kind]} is not there (yet): the directory is still being created, or is not a ${kind} directory`,
      }
    : { error: read.message };
}
