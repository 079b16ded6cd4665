import type { RunSummary } from './run-summary.js';

/** One run directory in the index: its summary, or why it could not be read. */
export interface RunEntry {
  /** A stable key: `runs/<dir>` (or the path under the experiments folder) when served, the record's id in a report. */
  key: string;
  /** Where it came from, for messages (a path relative to the served folders, or a file name). */
  source: string;
  /** Changes whenever run.json changes (its size and modification time), so a client knows what to fetch again. */
  version: string;
  /** The validated record's summary (`GET /api/runs/<key>/run.json` has the whole record). */
  summary?: RunSummary;
  /** Why run.json could not be read or validated, in words. */
  error?: string;
  /** Whether the run's model (model/model.json) can be loaded for Try it. */
  hasModel: boolean;
}

/**
 * One experiment (or sweep) directory in the index, its record not validated yet (the browser
 * validates an experiment's; a sweep's is read only for its name and runs).
 */
export interface ExperimentEntry {
  /** `sweep` for a folder of the sweeps directory with sweep.json; an experiment otherwise. */
  kind?: 'experiment' | 'sweep';
  /** A stable key: `experiments/<dir>` when served, the record's id in a report. */
  key: string;
  /** Where it came from, for messages. */
  source: string;
  /** Changes whenever experiment.json changes. */
  version: string;
  /** The parsed JSON of experiment.json (experiments are small: no samples). */
  record?: unknown;
  /** Why experiment.json could not be read. */
  error?: string;
  /** The key of each run the record lists, in its order; `null` for one that is not there. */
  runKeys: (string | null)[];
}

/** How far the server's first reading of the folders is: runs read of those found. */
export interface IndexLoading {
  read: number;
  total: number;
}

/** What `GET /api/index` answers: a summary of every run and experiment found. */
export interface ViewerIndex {
  /** Goes up by one at every change; the change stream names it. */
  version: number;
  runs: RunEntry[];
  experiments: ExperimentEntry[];
  /** While the server is still reading the folders the first time: how far it is. */
  loading?: IndexLoading;
}

/**
 * A change of the index, as the server's event stream (`GET /api/events`, event `change`)
 * pushes it: what changed since version `from`. A client at another version fetches the index.
 */
export interface IndexChange {
  from: number;
  version: number;
  /** New or changed runs and experiments. */
  runs: RunEntry[];
  experiments: ExperimentEntry[];
  /** Keys of the runs and experiments that are gone. */
  removed: string[];
  /** While the first reading goes on: how far it is (absent once every run is read). */
  loading?: IndexLoading;
}

/** A run embedded in an HTML report: the whole record. */
export interface ReportRun {
  key: string;
  source: string;
  record: unknown;
  hasModel: boolean;
}

/** A model embedded in an HTML report: model.json's value and the weights as base64. */
export interface EmbeddedModel {
  modelJson: unknown;
  weightsBase64: string;
}

/** The JSON a report embeds in `<script type="application/json" id="fmnist-data">`. */
export interface ReportPayload {
  runs: ReportRun[];
  experiments: ExperimentEntry[];
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
