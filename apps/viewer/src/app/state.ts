import type { LoadedExperiment } from '../data/read-experiment-entry.js';
import type { LoadedRun } from '../data/read-run-entry.js';
import type { RunColumn, SortDirection } from '../data/sort-run-rows.js';
import type { EmbeddedModel } from '../shared/viewer-index.js';

/** The views, by their hash (`#runs`, ...). */
export const VIEWS = [
  { id: 'runs', title: 'Runs' },
  { id: 'experiments', title: 'Experiments' },
  { id: 'curves', title: 'Curves' },
  { id: 'confusion', title: 'Confusion matrix' },
  { id: 'report', title: 'Classification report' },
  { id: 'mistakes', title: 'Mistakes' },
  { id: 'try-it', title: 'Try it' },
] as const;

/** A view's id. */
export type ViewId = (typeof VIEWS)[number]['id'];

/** Everything the app shows, and the person's choices. */
export interface AppState {
  mode: 'server' | 'report';
  runs: LoadedRun[];
  experiments: LoadedExperiment[];
  /** Runs opened from dropped or picked run.json files. */
  dropped: LoadedRun[];
  /** Runs selected for comparison (Curves). */
  selected: Set<string>;
  /** The run the single-run views show. */
  currentRun: string | undefined;
  sort: { column: RunColumn; direction: SortDirection };
  filter: string;
  models: Record<string, EmbeddedModel>;
  modelsLeftOut: Record<string, string>;
  /** A message for the person (a file opened, a file refused). */
  notice: string | undefined;
}

/** What views get: the state and ways to change what is shown. */
export interface ViewContext {
  state: AppState;
  /** Every run: the served or embedded ones, then the dropped ones. */
  allRuns(): LoadedRun[];
  navigate(view: ViewId): void;
  /** Render the current view again (after a change of state). */
  rerender(): void;
}

/** A rendered view. */
export interface View {
  element: HTMLElement;
  /** Called once the element is in the page (charts need their width). */
  mounted?(): void;
  /** New data arrived from polling: update in place, keeping focus and input. */
  refresh?(): void;
  /** The view is being left. */
  dispose?(): void;
}
