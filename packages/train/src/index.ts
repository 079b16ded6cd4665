export type { BackendEnv } from './backend-options-from-env.js';
export { backendOptionsFromEnv } from './backend-options-from-env.js';
export type { Callback, CallbackContext, Monitor, MonitorMode } from './callbacks.js';
export type { CheckpointState, LoadedCheckpoint } from './checkpoint.js';
export { loadCheckpoint, saveCheckpoint } from './checkpoint.js';
export type { PlateauCallbackOptions } from './create-plateau-callbacks.js';
export { createPlateauCallbacks } from './create-plateau-callbacks.js';
export type { EarlyStoppingOptions } from './early-stopping.js';
export { earlyStopping } from './early-stopping.js';
export type { TrainErrorCode } from './errors.js';
export { TRAIN_ERROR_CODES, TrainError } from './errors.js';
export type { EvaluateOptions, Evaluation, Predictions } from './evaluate.js';
export { evaluate, predictSplit } from './evaluate.js';
export type { HistoryEntry } from './history.js';
export type { ExperimentEvent } from './jobs/experiment-event.js';
export type {
  NewExperimentOptions,
  ResolvedExperiment,
  ResolveExperimentOptions,
} from './jobs/resolve-experiment.js';
export { resolveExperiment } from './jobs/resolve-experiment.js';
export type { ExperimentResult, RunExperimentOptions } from './jobs/run-experiment.js';
export { defaultExperimentJobs, runExperiment } from './jobs/run-experiment.js';
export type { RunTrainJobOptions } from './jobs/run-train-job.js';
export { runTrainJob } from './jobs/run-train-job.js';
export type { TrainJob, TrainJobEvent } from './jobs/train-job.js';
export { trainJobArgs, trainJobScript } from './jobs/train-job.js';
export { registerWasmKernels } from './kernels/register-wasm-kernels.js';
export type {
  Classification,
  LoadTrainedModelOptions,
  TrainedModel,
} from './load-trained-model.js';
export { loadTrainedModel } from './load-trained-model.js';
export type { OptimizerState, SetOptimizerStateOptions } from './optimizer-state.js';
export { getOptimizerState, setOptimizerState } from './optimizer-state.js';
export type { PickSamplesOptions } from './pick-samples.js';
export { pickSamples } from './pick-samples.js';
export { readCheckpointEpoch } from './read-checkpoint-epoch.js';
export { loadRunModel } from './read-run.js';
export type { ReduceLrOnPlateauOptions } from './reduce-lr-on-plateau.js';
export { reduceLrOnPlateau } from './reduce-lr-on-plateau.js';
export type { ResumeOptions } from './resume.js';
export { callbacksFromConfig, resume } from './resume.js';
export type { BackendChoice, BackendName, SelectBackendOptions } from './select-backend.js';
export {
  BACKEND_NAMES,
  backendThreadsFor,
  MAX_NATIVE_THREADS,
  MAX_WASM_THREADS,
  nativeThreadsFor,
  selectBackend,
  wasmThreadsFor,
} from './select-backend.js';
export { splitValidationHoldout } from './split-validation-holdout.js';
export type { Suite, SuiteName, SuiteValidation } from './suites.js';
export { getSuite, SUITE_NAMES, SUITES } from './suites.js';
export type {
  RunState,
  TrainData,
  TrainEvent,
  TrainOptions,
  TrainResult,
  ValidationOption,
} from './train.js';
export { train } from './train.js';
