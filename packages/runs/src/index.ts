export { createTimestampedDirectory } from './create-directory.js';
export type { ExperimentConfig, PlannedRun } from './experiment-config.js';
export { parseExperimentConfig, planRuns } from './experiment-config.js';
export { findRunDirectory } from './find-run-directory.js';
export { hashLabels, toTestLabels } from './hash-labels.js';
export type { ChildMessage } from './jobs/child-message.js';
export { isChildMessage } from './jobs/child-message.js';
export type {
  CreateLocalJobRunnerOptions,
  LocalJobRunner,
} from './jobs/create-local-job-runner.js';
export { createLocalJobRunner } from './jobs/create-local-job-runner.js';
export { exitWithParent } from './jobs/exit-with-parent.js';
export type {
  Job,
  JobOutcome,
  JobRunner,
  RunJobOptions,
  WorkerIdentity,
} from './jobs/job-runner.js';
export type { RunChildJobOptions } from './jobs/run-child-job.js';
export { runChildJob } from './jobs/run-child-job.js';
export { sendToParent } from './jobs/send-to-parent.js';
export type { RecordKind, RunDirectoryName } from './layout.js';
export {
  CHECKPOINT_FILES,
  EXPERIMENT_FILES,
  formatRunTimestamp,
  MODEL_FILE,
  parseRunDirectoryName,
  RECORD_FILES,
  RUN_FILES,
  SWEEP_FILES,
  toRunName,
} from './layout.js';
export type { LockRunDirectoryOptions, RunLock, RunLockOwner } from './lock-run-directory.js';
export { lockRunDirectory } from './lock-run-directory.js';
export type { ExperimentFile, ExperimentHandle, ExperimentPaths } from './open-experiment.js';
export {
  createExperiment,
  experimentPaths,
  openExperiment,
  readExperimentFile,
  readExperimentRecord,
} from './open-experiment.js';
export type { CreateRunOptions, OpenRunOptions, RunHandle, RunPaths } from './open-run.js';
export { checkpointPaths, createRun, hasSavedModel, openRun, runPaths } from './open-run.js';
export { pathExists } from './path-exists.js';
export { peekRecord } from './peek-record.js';
export type { ExperimentPlan, ExperimentRunState, ExperimentTask } from './plan-experiment.js';
export {
  buildExperimentFile,
  decideExperimentStatus,
  newExperimentFile,
  planExperiment,
  referencesFor,
} from './plan-experiment.js';
export { isInside } from './read/is-inside.js';
export type {
  ListRecordDirectoriesOptions,
  RecordDirectory,
} from './read/list-record-directories.js';
export { listRecordDirectories } from './read/list-record-directories.js';
export { mapConcurrently } from './read/map-concurrently.js';
export type { ReadFileInsideOptions } from './read/read-file-inside.js';
export { readFileInside } from './read/read-file-inside.js';
export { MAX_RECORD_BYTES, readRecordFile } from './read/read-record-file.js';
export { resolveDirectory } from './read/resolve-directory.js';
export type { FileInside, FileInsideProblem } from './read/stat-file-inside.js';
export { statFileInside } from './read/stat-file-inside.js';
export type { RecordsOnDisk, RunOnDisk } from './read-records.js';
export { readRecords } from './read-records.js';
export { readRunRecord } from './read-run-record.js';
export type { RunFailure, RunStatus } from './run-status.js';
export { canTransition, describeFailure, setRunStatus } from './run-status.js';
export type { RunsErrorCode } from './runs-error.js';
export { RUNS_ERROR_CODES, RunsError } from './runs-error.js';
export type { WriteFault } from './write-file-atomically.js';
export {
  injectWriteFault,
  writeFileAtomically,
  writeJsonAtomically,
  writeTemporaryFile,
} from './write-file-atomically.js';
