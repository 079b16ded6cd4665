import { readJson, readRecord } from './read-record.js';
import {
  SWEEP_SCHEMA_VERSION,
  type SweepRecord,
  sweepRecordSchema,
} from './sweep-record-schema.js';

/**
 * Validates a `sweep.json` (its text or its parsed value) and returns the typed record.
 * Unknown fields are kept; `null` metric values read as NaN.
 *
 * @param json - the file's text, or the value `JSON.parse` gave
 * @returns the record
 * @throws {MetricsError} `INVALID_JSON`; `INVALID_RECORD` with `path` and `issues`;
 *   `UNSUPPORTED_SCHEMA_VERSION` for files of a newer fmnist
 *
 * @example
 * ```ts
 * const sweep = parseSweepRecord(await readFile('sweeps/sgd-momentum-x/sweep.json', 'utf8'));
 * sweep.table[0]?.configurationId; // the best configuration on the shared holdout
 * ```
 */
export function parseSweepRecord(json: unknown): SweepRecord {
  return readRecord(
    sweepRecordSchema,
    readJson(json, 'sweep record'),
    'sweep record',
    SWEEP_SCHEMA_VERSION,
  );
}
