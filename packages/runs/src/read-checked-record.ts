import { basename, dirname } from 'node:path';
import { readRecordFile } from './read/read-record-file.js';
import { RunsError, type RunsErrorCode } from './runs-error.js';

/** What {@link readCheckedRecord} says when the file is missing or does not parse. */
export interface RecordMessages {
  code: RunsErrorCode;
  /** The sentence for a missing file (the path is appended to "found none at"). */
  expected: string;
  /** An example of a directory that has one, for the hint. */
  example: string;
  /** What the record is, e.g. "run record". */
  what: string;
  /** What to do about a damaged one. */
  remedy: string;
}

/**
 * Read a record file with {@link readRecordFile} (its real path inside its directory, a regular
 * file, JSON) and check it with `parse`; a missing, refused or invalid file is a
 * {@link RunsError} saying what was expected, what was found, and what to do.
 */
export async function readCheckedRecord<T>(
  path: string,
  parse: (value: unknown) => T,
  messages: RecordMessages,
): Promise<T> {
  const invalid = (reason: string, cause?: unknown) =>
    new RunsError(
      messages.code,
      `${path} is not a valid ${messages.what}: ${reason}. ` +
        `The file is damaged or from another tool; ${messages.remedy}.`,
      { cause },
    );
  const read = await readRecordFile(dirname(path), basename(path));
  if (read.ok) {
    try {
      return parse(read.value);
    } catch (error) {
      throw invalid((error as Error).message, error);
    }
  }
  if (read.reason === 'invalid-json') throw invalid(read.message);
  if (read.reason === 'missing') {
    throw new RunsError(
      messages.code,
      `${messages.expected}, found none at ${path}: pass a directory that ${messages.example}`,
    );
  }
  throw new RunsError(
    messages.code,
    `cannot read the ${messages.what} ${path}: ${read.message}. ` +
      (read.reason === 'outside'
        ? 'Copy the file into its directory rather than linking to it.'
        : 'Check the file.'),
  );
}
