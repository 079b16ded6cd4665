// compute/: confusion matrix, classification report, McNemar's test

// compare/: comparing runs and summarizing experiments
export type { RunPairResult, TestLabels } from './compare/compare-run-predictions.js';
export { compareRunPredictions } from './compare/compare-run-predictions.js';
export type {
  ComparedPair,
  ComparedRun,
  CompareRunsInput,
  CompareRunsOptions,
  RunsComparison,
} from './compare/compare-runs.js';
export { compareRuns } from './compare/compare-runs.js';
export type { NotebookPreset, NotebookReference } from './compare/notebook-reference.js';
export { NOTEBOOK_REFERENCE } from './compare/notebook-reference.js';
export type { RunSortKey } from './compare/sort-runs.js';
export { RUN_SORT_KEYS, readSortValue, sortRuns } from './compare/sort-runs.js';
export type {
  ExperimentPairTest,
  ExperimentRunInput,
  ExperimentSummaryParts,
  ReferenceNumbers,
  SummarizeExperimentOptions,
} from './compare/summarize-experiment.js';
export { summarizeExperiment } from './compare/summarize-experiment.js';
export type {
  AverageReportRow,
  ClassificationReport,
  ClassificationReportOptions,
  ClassReportRow,
} from './compute/classification-report.js';
export { classificationReport } from './compute/classification-report.js';
export type { ConfusionMatrixOptions } from './compute/confusion-matrix.js';
export { confusionMatrix } from './compute/confusion-matrix.js';
export type { CorrectnessInput, McNemarResult } from './compute/mcnemar.js';
export { mcnemar } from './compute/mcnemar.js';
export type { ConfusionNormalization } from './compute/normalize-confusion.js';
export { normalizeConfusion } from './compute/normalize-confusion.js';
export type { LabelInput } from './compute/read-labels.js';
// errors/: the one error class
export type {
  MetricsErrorCode,
  MetricsErrorOptions,
  RecordIssue,
} from './errors/metrics-error.js';
export { METRICS_ERROR_CODES, MetricsError } from './errors/metrics-error.js';
// format/: text and markdown renderers, all named format<Thing><Text|Markdown>
export { formatClassificationReportMarkdown } from './format/format-classification-report-markdown.js';
export type { FormatClassificationReportOptions } from './format/format-classification-report-text.js';
export { formatClassificationReportText } from './format/format-classification-report-text.js';
export { formatConfusionMatrixMarkdown } from './format/format-confusion-matrix-markdown.js';
export type { FormatConfusionMatrixTextOptions } from './format/format-confusion-matrix-text.js';
export { formatConfusionMatrixText } from './format/format-confusion-matrix-text.js';
export { formatExperimentReportMarkdown } from './format/format-experiment-report-markdown.js';
export type { ExperimentTableInput } from './format/format-experiment-table-text.js';
export { formatExperimentTableText } from './format/format-experiment-table-text.js';
export type { FormatRunReportOptions } from './format/format-run-report-markdown.js';
export { formatRunReportMarkdown } from './format/format-run-report-markdown.js';
export { formatRunsComparisonMarkdown } from './format/format-runs-comparison-markdown.js';
export { formatRunsComparisonText } from './format/format-runs-comparison-text.js';
export { stripTerminalControls } from './format/strip-terminal-controls.js';
// records/: the RunRecord and ExperimentRecord schemas, parsing, reading
export { decodePredictions } from './records/decode-predictions.js';
export type {
  ExperimentConfig,
  ExperimentMcnemar,
  ExperimentRecord,
  ExperimentRecordInput,
  ExperimentRow,
  ExperimentRun,
  ExperimentSummary,
} from './records/experiment-record-schema.js';
export {
  EXPERIMENT_SCHEMA_VERSION,
  experimentConfigSchema,
  experimentMcnemarSchema,
  experimentRecordSchema,
  experimentRowSchema,
  experimentRunSchema,
  experimentSummarySchema,
} from './records/experiment-record-schema.js';
export { parseExperimentConfig } from './records/parse-experiment-config.js';
export { parseExperimentRecord } from './records/parse-experiment-record.js';
export { parseRunRecord } from './records/parse-run-record.js';
export { parseSweepRecord } from './records/parse-sweep-record.js';
export type { RunHeadline } from './records/read-run-headline.js';
export { readRunHeadline } from './records/read-run-headline.js';
export { classificationReportSchema } from './records/record-fields.js';
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
} from './records/run-record-schema.js';
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
  runValidationPredictionsSchema,
} from './records/run-record-schema.js';
export type {
  SweepJobRecord,
  SweepRecord,
  SweepRecordInput,
  SweepRow,
  SweepRun,
} from './records/sweep-record-schema.js';
export {
  SWEEP_SCHEMA_VERSION,
  sweepJobSchema,
  sweepPlanSchema,
  sweepRecordSchema,
  sweepRetrainSchema,
  sweepRowSchema,
  sweepRunnerSchema,
  sweepRunSchema,
  sweepWorkerSchema,
} from './records/sweep-record-schema.js';
