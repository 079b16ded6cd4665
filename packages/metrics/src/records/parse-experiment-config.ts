import {
  EXPERIMENT_SCHEMA_VERSION,
  type ExperimentConfig,
  experimentConfigSchema,
} from './experiment-record-schema.js';
import { readRecord } from './read-record.js';

/**
 * Validates an experiment's `config` (the block `--resume` goes on with) on its own, for a record
 * that may predate it: {@link parseExperimentRecord} checks it where it is present.
 *
 * @param value - the parsed `config` object
 * @returns the config
 * @throws {MetricsError} `INVALID_RECORD` with `path` (relative to the config) and `issues`
 */
export function parseExperimentConfig(value: unknown): ExperimentConfig {
  return readRecord(experimentConfigSchema, value, 'experiment config', EXPERIMENT_SCHEMA_VERSION);
}
