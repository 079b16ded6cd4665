/** One run directory as the viewer receives it, before validation. */
export interface RunEntry {
  /** A stable key: `runs/<dir>` (or the path under the experiments folder) when served, the record's id in a report. */
  key: string;
  /** Where it came from, for messages (a path relative to the served folders, or a file name). */
  source: string;
  /** The parsed JSON of run.json, not validated yet (the browser validates it). */
  record?: unknown;
  /** Why run.json could not be read (missing, not JSON, ...). */
  error?: string;
  /** Whether the run's model (model/model.json) can be loaded for Try it. */
  hasModel: boolean;
}

/** One experiment directory as the viewer receives it, before validation. */
export interface ExperimentEntry {
  /** A stable key: `experiments/<dir>` when served, the record's id in a report. */
  key: string;
  /** Where it came from, for messages. */
  source: string;
  /** The parsed JSON of experiment.json, not validated yet. */
  record?: unknown;
  /** Why experiment.json could not be read. */
  error?: string;
  /** Keys of the runs this experiment lists, in its order (missing ones left out). */
  runKeys: string[];
}

/** What `GET /api/index` answers and what a report embeds: every run and experiment found. */
export interface ViewerIndex {
  runs: RunEntry[];
  experiments: ExperimentEntry[];
}

/** A model embedded in an HTML report: model.json's value and the weights as base64. */
export interface EmbeddedModel {
  modelJson: unknown;
  weightsBase64: string;
}

/** The JSON a report embeds in `<script type="application/json" id="fmnist-data">`. */
export interface ReportPayload extends ViewerIndex {
  /** Models by run key, for Try it offline (only those under the size limit). */
  models: Record<string, EmbeddedModel>;
  /** Why some models were left out (too large), by run key. */
  modelsLeftOut: Record<string, string>;
}

/** The id of the report's data element. */
export const REPORT_DATA_ID = 'fmnist-data';
/** The id of the report's element holding the Try-it engine (base64 of its script). */
export const REPORT_ENGINE_ID = 'fmnist-try-it-engine';
/** The id of the report's element holding the app script (base64). */
export const REPORT_APP_ID = 'fmnist-app';
