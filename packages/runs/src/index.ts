export { createTimestampedDirectory } from './create-directory.js';
export type { RunDirectoryName } from './layout.js';
export {
  CHECKPOINT_FILES,
  EXPERIMENT_FILES,
  formatRunTimestamp,
  MODEL_FILE,
  parseRunDirectoryName,
  RUN_FILES,
  toRunName,
} from './layout.js';
export type { LockRunDirectoryOptions, RunLock, RunLockOwner } from './lock-run-directory.js';
export { lockRunDirectory } from './lock-run-directory.js';
export type { CreateRunOptions, OpenRunOptions, RunHandle, RunPaths } from './open-run.js';
export { checkpointPaths, createRun, hasSavedModel, openRun, runPaths } from './open-run.js';
export { pathExists } from './path-exists.js';
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
} from './write-file-atomically.js';
