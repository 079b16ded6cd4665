/**
 * `@fmnist/sweep`: hyperparameter sweeps over fmnist model specs — search-space files (with a JSON
 * Schema for editors) and built-in spaces, grid / seeded random / ASHA planning as a pure
 * scheduler, and the result table that ranks configurations on the shared validation holdout.
 *
 * @packageDocumentation
 */

export type { SweepErrorCode, SweepErrorOptions } from './errors/sweep-error.js';
export { SWEEP_ERROR_CODES, SweepError } from './errors/sweep-error.js';
export { formatSweepTableMarkdown } from './format/format-sweep-table-markdown.js';
export { formatSweepTableText } from './format/format-sweep-table-text.js';
export type {
  ConfigurationRow,
  ConfigurationTest,
  RankConfigurationsOptions,
  Spread,
  TrialRun,
} from './results/rank-configurations.js';
export { rankConfigurations } from './results/rank-configurations.js';
export type {
  StrategyName,
  SweepPlan,
  SweepPlanOptions,
  SweepRequest,
} from './run/plan-sweep.js';
export { planSweep, STRATEGY_NAMES } from './run/plan-sweep.js';
export type {
  FormatSweepReportOptions,
  RunSweepOptions,
  SweepEvent,
  SweepFile,
  SweepJobEntry,
  SweepResult,
  SweepRunEntry,
  SweepTrialTask,
} from './run/run-sweep.js';
export { formatSweepReport, readSweepFile, runSweep, SWEEP_FILES } from './run/run-sweep.js';
export type {
  RunnerJob,
  RunnerOutcome,
  RunSweepJobsOptions,
  SweepJobsEvent,
  SweepRunner,
} from './run/run-sweep-jobs.js';
export { runSweepJobs } from './run/run-sweep-jobs.js';
export type { TrialSetup } from './space/apply-trial-params.js';
export { applyTrialParams } from './space/apply-trial-params.js';
export type { BuiltInSpaceName } from './space/built-in-spaces.js';
export { BUILT_IN_SPACE_NAMES, createBuiltInSpaces } from './space/built-in-spaces.js';
export { getBuiltInSpace, isBuiltInSpaceName } from './space/get-built-in-space.js';
export { getSearchSpaceJsonSchema } from './space/get-search-space-json-schema.js';
export type {
  ParameterDomain,
  ParameterValueTypes,
  SearchSpace,
  TrialParams,
} from './space/search-space.js';
export type { ParameterKind, ParameterName } from './space/search-space-schema.js';
export { PARAMETER_NAMES, searchSpaceSchema } from './space/search-space-schema.js';
export { DEFAULT_TRAINING, validateSearchSpace } from './space/validate-search-space.js';
export type { Configuration } from './strategies/configuration.js';
export type {
  ConfigurationState,
  CreateSchedulerOptions,
  SchedulerStep,
  SweepJob,
  SweepJobResult,
  SweepScheduler,
} from './strategies/create-scheduler.js';
export { createScheduler, formatJobId, listRungs } from './strategies/create-scheduler.js';
export type { PlanGridOptions } from './strategies/plan-grid.js';
export { countGridPoints, listGridValues, planGrid } from './strategies/plan-grid.js';
export type { SampleRandomOptions } from './strategies/sample-random.js';
export { sampleRandom } from './strategies/sample-random.js';
