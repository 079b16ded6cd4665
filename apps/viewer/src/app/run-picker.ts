import type { RunRecord } from '@fmnist/metrics';
import type { LoadedRun } from '../data/read-run-entry.js';
import type { RunSummary } from '../shared/run-summary.js';
import { h } from './dom.js';
import type { ViewContext } from './state.js';

/** A run the pickers offer: one with a summary. */
export type PickableRun = LoadedRun & { summary: RunSummary };

/**
 * The run a single-run view shows: the linked one (even when it does not qualify, so that the
 * view can say why), else the first selected one that qualifies, else the first that does.
 */
export function pickRun(
  context: ViewContext,
  qualifies: (summary: RunSummary, run: LoadedRun) => boolean,
): PickableRun | undefined {
  const all = context.allRuns().filter((run): run is PickableRun => run.summary !== undefined);
  const runs = all.filter((run) => qualifies(run.summary, run));
  const { run: current, selected } = context.state.url;
  return (
    all.find((run) => run.key === current) ??
    runs.find((run) => selected.includes(run.key)) ??
    runs[0]
  );
}

/** A labelled select of the runs that qualify (and the shown one); choosing one makes it current. */
export function runPicker(
  context: ViewContext,
  qualifies: (summary: RunSummary, run: LoadedRun) => boolean,
  current: LoadedRun | undefined,
): HTMLElement {
  const runs = context
    .allRuns()
    .filter(
      (run): run is PickableRun =>
        run.summary !== undefined && (run.key === current?.key || qualifies(run.summary, run)),
    );
  const select = h(
    'select',
    {
      id: 'run-picker',
      onchange: (event: Event) => {
        context.update(
          { run: (event.target as HTMLSelectElement).value, cell: undefined },
          { push: true },
        );
      },
    },
    runs.map((run) =>
      h(
        'option',
        { value: run.key, selected: run.key === current?.key },
        `${run.summary.name} — ${run.source}`,
      ),
    ),
  );
  return h('label', { class: 'picker' }, 'Run ', select);
}

/** The signature of a single-run view: the run and its version. */
export const runSignature = (run: LoadedRun | undefined) =>
  run ? `${run.key}@${run.version}` : '';

/** What a single-run view has to show: the run and its whole record, or a section saying why not. */
export type SingleRun =
  | { run: PickableRun; record: RunRecord; picker: HTMLElement }
  | { element: HTMLElement };

/**
 * Pick the run a single-run view shows and get its whole record: a section with the picker
 * and "loading…", "has none yet" or the problem when there is nothing to show yet.
 */
export function pickRunRecord(
  context: ViewContext,
  title: HTMLElement,
  qualifies: (summary: RunSummary, run: LoadedRun) => boolean,
  missing: string,
): SingleRun {
  const run = pickRun(context, qualifies);
  if (!run) return { element: h('section', null, title, h('p', null, missing)) };
  const picker = runPicker(context, qualifies, run);
  if (!qualifies(run.summary, run)) {
    return {
      element: h(
        'section',
        null,
        title,
        picker,
        h('p', { class: 'muted' }, `${run.summary.name}: ${missing}`),
      ),
    };
  }
  const result = context.recordOf(run);
  if (!result.record) {
    return {
      element: h(
        'section',
        null,
        title,
        picker,
        h(
          'p',
          { class: result.loading ? 'muted' : 'problems' },
          result.loading ? `Loading ${run.source}/run.json…` : (result.problem ?? ''),
        ),
      ),
    };
  }
  return { run, record: result.record, picker };
}
