/**
 * `@fmnist/viewer`'s Node entry: where the built web app is, a server for it over run and
 * experiment folders, and a self-contained HTML report. `fmnist view` and
 * `fmnist report --format html` call these.
 *
 * @packageDocumentation
 */

export type { HyperparameterValue, RunSummary, SplitFigures } from '../shared/run-summary.js';
export { summarizeRunRecord } from '../shared/summarize-run-record.js';
export type {
  ExperimentEntry,
  IndexChange,
  RunEntry,
  ViewerIndex,
} from '../shared/viewer-index.js';
export { isAllowedHost, LOOPBACK_HOSTS } from './check-host.js';
export type { HtmlReportInput, ReportModel } from './render-html-report.js';
export { MAX_EMBEDDED_MODEL_BYTES, renderHtmlReport } from './render-html-report.js';
export type { ViewerServer, ViewerServerOptions } from './start-viewer-server.js';
export { startViewerServer } from './start-viewer-server.js';
export { viewerDistDir } from './viewer-dist-dir.js';
