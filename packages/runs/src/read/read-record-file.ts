import { type ReadFileInsideOptions, readFileInside } from './read-file-inside.js';
import type { FileInside, FileInsideProblem } from './stat-file-inside.js';

/** The largest record file read by default: records are a few MB; this is far above any. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

/**
 * Read a record file (`run.json`, `experiment.json`, `sweep.json`) under
 * {@link statFileInside}'s rules and parse it as JSON — not against its schema: the caller
 * checks it with `@fmnist/metrics`. A file that is not JSON is `invalid-json`, in words that
 * never quote the file (a link's target must not leak through a parse error). Never throws.
 *
 * @example
 * ```ts
 * const read = await readRecordFile(runDir, RUN_FILES.record);
 * if (read.ok) parseRunRecord(read.value); // read.version changes whenever run.json does
 * else console.error(read.message); // "run.json is a link to a file outside its directory: …"
 * ```
 */
export async function readRecordFile(
  dir: string,
  file: string,
  options: ReadFileInsideOptions = {},
): Promise<(FileInside & { value: unknown }) | FileInsideProblem> {
  const read = await readFileInside(dir, file, { maxBytes: MAX_RECORD_BYTES, ...options });
  if (!read.ok) return read;
  const { bytes, ...found } = read;
  try {
    const text = bytes.toString('utf8');
    // A UTF-8 byte order mark (some Windows editors add one) is not part of the JSON.
    return { ...found, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    // The parser's message may quote the file: keep only where it stopped.
    const at = /at position (\d+)/.exec((error as Error).message)?.[1];
    return {
      ok: false,
      reason: 'invalid-json',
      message: `${file} is not valid JSON${at === undefined ? '' : ` (at character ${at})`}: the file is damaged or was cut short`,
    };
  }
}
