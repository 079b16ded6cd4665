import type { RunRecord } from '@fmnist/metrics';
import type { LoadedExperiment } from '../data/read-experiment-entry.js';
import type { LoadedRun } from '../data/read-run-entry.js';
import type { UrlState } from '../data/url-state.js';
import type { EmbeddedModel } from '../shared/viewer-index.js';

/** The views, by their hash (`#runs`, ...). */
export const VIEWS = [
  { id: 'runs', title: 'Runs' },
  { id: 'experiments', title: 'Experiments' },
  { id: 'hparams', title: 'HParams' },
  { id: 'curves', title: 'Curves' },
  { id: 'classes', title: 'Per class' },
  { id: 'confusion', title: 'Confusion matrix' },
  { id: 'report', title: 'Classification report' },
  { id: 'mistakes', title: 'Mistakes' },
  { id: 'try-it', title: 'Try it' },
] as const;

/** A view's id. */
export type ViewId = (typeof VIEWS)[number]['id'];

/** Everything the app shows, and the person's choices (those in `url` are in the link). */
export interface AppState {
  mode: 'server' | 'report';
  runs: LoadedRun[];
  experiments: LoadedExperiment[];
  /** Runs opened from dropped or picked run.json files. */
  dropped: LoadedRun[];
  /** What the link says: view, filter, sort, selection, run, cell, zoom, ... */
  url: UrlState;
  models: Record<string, EmbeddedModel>;
  modelsLeftOut: Record<string, string>;
}

/** A full record as a view gets it: there, still loading, or not to be had. */
export interface RecordResult {
  record?: RunRecord;
  loading: boolean;
  problem?: string;
}

/** What views get: the state and ways to change what is shown. */
export interface ViewContext {
  state: AppState;
  /** Every run: the served or embedded ones, then the dropped ones. */
  allRuns(): LoadedRun[];
  /** Change the linked state; `push` adds a history entry (else the current one is replaced); the view is drawn again unless `render` is false. */
  update(patch: Partial<UrlState>, options?: { push?: boolean; render?: boolean }): void;
  /** Go to a view (a new history entry), with other state changes. */
  navigate(view: ViewId, patch?: Partial<UrlState>): void;
  /** Render the current view again (after a change of state). */
  rerender(): void;
  /** A run's whole record: fetched on first use (the view is refreshed when it arrives). */
  recordOf(run: LoadedRun): RecordResult;
  /** The names of the experiments that list a run. */
  experimentsOf(key: string): string[];
}

/** A rendered view. */
export interface View {
  element: HTMLElement;
  /** Called once the element is in the page (charts need their width). */
  mounted?(): void;
  /** New data arrived (a change pushed, a record fetched): update in place, keeping focus, input and zoom. */
  refresh?(): void;
  /** What the view shows (e.g. a run at a version): it is drawn again when this changes. */
  signature?(): string;
  /** The view is being left. */
  dispose?(): void;
}
