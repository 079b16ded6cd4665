import {
  EXPERIMENT_SCHEMA_VERSION,
  type ExperimentRecord,
  experimentRecordSchema,
} from './experiment-record-schema.js';
import { readJson, readRecord } from './read-record.js';

/**
 * Validates an `experiment.json` (its text or its parsed value) and returns the typed record.
 * Unknown fields are kept; `null` metric values read as NaN.
 *
 * @param json - the file's text, or the value `JSON.parse` gave
 * @returns the record
 * @throws {MetricsError} `INVALID_JSON`; `INVALID_RECORD` with `path` and `issues`;
 *   `UNSUPPORTED_SCHEMA_VERSION` for files of a newer fmnist
 *
 * @example
 * ```ts
 * const experiment = parseExperimentRecord(await readFile('experiments/notebook-x/experiment.json', 'utf8'));
 * ```
 */
export function parseExperimentRecord(json: unknown): ExperimentRecord {
  return readRecord(
    experimentRecordSchema,
    readJson(json, 'experiment record'),
    'experiment record',
    EXPERIMENT_SCHEMA_VERSION,
  );
}
