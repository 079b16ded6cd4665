import { readJson, readRecord } from './read-record.js';
import { RUN_SCHEMA_VERSION, type RunRecord, runRecordSchema } from './run-record-schema.js';

/**
 * Validates a `run.json` (its text or its parsed value) and returns the typed record. Unknown
 * fields are kept, so writing the result back loses nothing; `null` metric values read as NaN.
 *
 * @param json - the file's text, or the value `JSON.parse` gave
 * @returns the record
 * @throws {MetricsError} `INVALID_JSON`; `INVALID_RECORD` with `path` (e.g. `history[3].loss`) and
 *   every fault in `issues`; `UNSUPPORTED_SCHEMA_VERSION` for files of a newer fmnist
 *
 * @example
 * ```ts
 * const run = parseRunRecord(await readFile('runs/mlp-adam-20250101-120000/run.json', 'utf8'));
 * console.log(run.status, run.history.at(-1)?.valAccuracy);
 * ```
 */
export function parseRunRecord(json: unknown): RunRecord {
  return readRecord(
    runRecordSchema,
    readJson(json, 'run record'),
    'run record',
    RUN_SCHEMA_VERSION,
  );
}
