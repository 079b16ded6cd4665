export type {
  AverageReportRow,
  ClassificationReport,
  ClassificationReportOptions,
  ClassReportRow,
} from './classification-report.js';
export { classificationReport } from './classification-report.js';
export { classificationReportMarkdown } from './classification-report-markdown.js';
export type { RunPairResult, TestLabels } from './compare-run-predictions.js';
export { compareRunPredictions } from './compare-run-predictions.js';
export type {
  ComparedPair,
  ComparedRun,
  CompareRunsInput,
  CompareRunsOptions,
  RunsComparison,
} from './compare-runs.js';
export { compareRuns } from './compare-runs.js';
export type { ConfusionMatrixOptions } from './confusion-matrix.js';
export { confusionMatrix } from './confusion-matrix.js';
export { confusionMatrixMarkdown } from './confusion-matrix-markdown.js';
export { decodePredictions } from './decode-predictions.js';
export type {
  ExperimentMcnemar,
  ExperimentRecord,
  ExperimentRecordInput,
  ExperimentRow,
  ExperimentRun,
  ExperimentSummary,
} from './experiment-record-schema.js';
export {
  EXPERIMENT_SCHEMA_VERSION,
  experimentMcnemarSchema,
  experimentRecordSchema,
  experimentRowSchema,
  experimentRunSchema,
  experimentSummarySchema,
} from './experiment-record-schema.js';
export type { FormatClassificationReportOptions } from './format-classification-report.js';
export { formatClassificationReport } from './format-classification-report.js';
export { formatComparisonTable } from './format-comparison-table.js';
export type { FormatConfusionMatrixOptions } from './format-confusion-matrix.js';
export { formatConfusionMatrix } from './format-confusion-matrix.js';
export type { ExperimentTableInput } from './format-experiment-table.js';
export { formatExperimentTable } from './format-experiment-table.js';
export type { CorrectnessInput, McNemarResult } from './mcnemar.js';
export { mcnemar } from './mcnemar.js';
export type {
  MetricsErrorCode,
  MetricsErrorOptions,
  RecordIssue,
} from './metrics-error.js';
export { METRICS_ERROR_CODES, MetricsError } from './metrics-error.js';
export type { ConfusionNormalization } from './normalize-confusion.js';
export { normalizeConfusion } from './normalize-confusion.js';
export type { NotebookPreset, NotebookReference } from './notebook-reference.js';
export { NOTEBOOK_REFERENCE } from './notebook-reference.js';
export { parseExperimentRecord } from './parse-experiment-record.js';
export { parseRunRecord } from './parse-run-record.js';
export type { LabelInput } from './read-labels.js';
export type { RunHeadline } from './read-run-headline.js';
export { readRunHeadline } from './read-run-headline.js';
export { classificationReportSchema } from './record-fields.js';
export { renderExperimentReport } from './render-experiment-report.js';
export type { RenderRunReportOptions } from './render-run-report.js';
export { renderRunReport } from './render-run-report.js';
export type {
  RecordStatus,
  RunConfig,
  RunData,
  RunEnvironment,
  RunError,
  RunEvent,
  RunHistoryEntry,
  RunMetrics,
  RunPredictions,
  RunRecord,
  RunRecordInput,
  RunSample,
  RunSplitMetrics,
} from './run-record-schema.js';
export {
  RUN_SCHEMA_VERSION,
  runConfigSchema,
  runDataSchema,
  runEnvironmentSchema,
  runErrorSchema,
  runEventSchema,
  runHistoryEntrySchema,
  runMetricsSchema,
  runPredictionsSchema,
  runRecordSchema,
  runSampleSchema,
  runSplitMetricsSchema,
} from './run-record-schema.js';
export type { RunSortKey } from './sort-runs.js';
export { RUN_SORT_KEYS, readSortValue, sortRuns } from './sort-runs.js';
export { stripTerminalControls } from './strip-terminal-controls.js';
export type {
  ExperimentPairTest,
  ExperimentRunInput,
  ExperimentSummaryParts,
  ReferenceNumbers,
  SummarizeExperimentOptions,
} from './summarize-experiment.js';
export { summarizeExperiment } from './summarize-experiment.js';
