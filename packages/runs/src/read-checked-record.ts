import { readFile } from 'node:fs/promises';
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
 * Read a record file and parse it with `parse`; a missing or invalid file is a {@link RunsError}
 * saying what was expected, what was found, and what to do.
 */
export async function readCheckedRecord<T>(
  path: string,
  parse: (text: string) => T,
  messages: RecordMessages,
): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RunsError(
      messages.code,
      `${messages.expected}, found none at ${path}: pass a directory that ${messages.example}`,
      { cause: error },
    );
  }
  try {
    return parse(text);
  } catch (error) {
    throw new RunsError(
      messages.code,
      `${path} is not a valid ${messages.what}: ${(error as Error).message}. ` +
        `The file is damaged or from another tool; ${messages.remedy}.`,
      { cause: error },
    );
  }
}
