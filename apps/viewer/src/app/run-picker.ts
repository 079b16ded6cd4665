import type { LoadedRun } from '../data/read-run-entry.js';
import { h } from './dom.js';
import type { ViewContext } from './state.js';

/**
 * The run a single-run view shows: the current one if it qualifies, else the first selected
 * one that does, else the first that does.
 */
export function pickRun(
  context: ViewContext,
  qualifies: (run: LoadedRun) => boolean,
): LoadedRun | undefined {
  const runs = context.allRuns().filter((run) => run.record && qualifies(run));
  const { currentRun, selected } = context.state;
  return (
    runs.find((run) => run.key === currentRun) ??
    runs.find((run) => selected.has(run.key)) ??
    runs[0]
  );
}

/** A labelled select of the runs that qualify; choosing one makes it current. */
export function runPicker(
  context: ViewContext,
  qualifies: (run: LoadedRun) => boolean,
  current: LoadedRun | undefined,
): HTMLElement {
  const runs = context.allRuns().filter((run) => run.record && qualifies(run));
  const select = h(
    'select',
    {
      id: 'run-picker',
      onchange: (event: Event) => {
        context.state.currentRun = (event.target as HTMLSelectElement).value;
        context.rerender();
      },
    },
    runs.map((run) =>
      h(
        'option',
        { value: run.key, selected: run.key === current?.key },
        `${run.record?.name ?? run.key} — ${run.source}`,
      ),
    ),
  );
  return h('label', { class: 'picker' }, 'Run ', select);
}
