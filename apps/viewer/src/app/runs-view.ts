import {
  buildRunRow,
  filterRunRows,
  formatCell,
  RUN_COLUMNS,
  type RunColumn,
  type RunRow,
  sortRunRows,
} from '../data/run-rows.js';
import { h, replaceChildren } from './dom.js';
import type { View, ViewContext } from './state.js';

/** The problems panel: every record that could not be read, and why. */
export function problemsPanel(context: ViewContext): HTMLElement | null {
  const problems = [
    ...context.allRuns().filter((run) => run.problem !== undefined),
    ...context.state.experiments.filter((e) => e.problem !== undefined),
  ];
  if (problems.length === 0) return null;
  return h(
    'section',
    { class: 'problems', role: 'alert', 'aria-label': 'Records that could not be read' },
    h('h2', null, `${problems.length} record${problems.length === 1 ? '' : 's'} could not be read`),
    h(
      'ul',
      null,
      problems.map((p) => h('li', null, h('strong', null, p.source), ': ', p.problem ?? '')),
    ),
  );
}

/** Rows the table shows at first, and how many more each "Show more" adds. */
const PAGE_ROWS = 100;

const LEAK_HINT =
  'This run validated on the test set (the notebook’s way): its “validation” figures are test figures, and choosing by them leaks the test set.';

/** The runs table: sort, filter, select for comparison; updated in place as runs change. */
export function runsView(context: ViewContext): View {
  const { state } = context;
  const tableHolder = h('div', { class: 'table-scroll' });
  const problemsHolder = h('div');
  // `elementtiming`: chromium reports when this line (drawn with the table) is first painted.
  const countLine = h('p', { class: 'muted', 'aria-live': 'polite', elementtiming: 'runs-table' });
  let shownCount = 0;
  let totalCount = 0;
  const updateCount = () => {
    const selected = state.url.selected.length;
    countLine.textContent = `${shownCount} of ${totalCount} runs shown, ${selected} selected for comparison`;
  };

  const setSelected = (key: string, on: boolean) => {
    const rest = state.url.selected.filter((k) => k !== key);
    context.update({ selected: on ? [...rest, key] : rest }, { render: false });
    updateCount();
  };

  let limit = PAGE_ROWS;
  const renderTable = () => {
    const rows: { row: RunRow; planned: number }[] = context.allRuns().flatMap((run) =>
      run.summary
        ? [
            {
              row: buildRunRow(run.key, run.summary, context.experimentsOf(run.key)),
              planned: run.summary.epochsPlanned,
            },
          ]
        : [],
    );
    const planned = new Map(rows.map(({ row, planned }) => [row.key, planned]));
    const sort = state.url.sort;
    const column = (RUN_COLUMNS.find((c) => c.id === sort?.column)?.id ?? 'name') as RunColumn;
    const direction = sort?.direction ?? 'ascending';
    const shown = sortRunRows(
      filterRunRows(
        rows.map((r) => r.row),
        state.url.filter,
      ),
      column,
      direction,
    );
    shownCount = shown.length;
    totalCount = rows.length;
    updateCount();
    const header = h(
      'tr',
      null,
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Compare')),
      RUN_COLUMNS.map((c) => {
        const sorted = column === c.id;
        return h(
          'th',
          {
            scope: 'col',
            class: 'numeric' in c ? 'num' : null,
            'aria-sort': sorted ? direction : null,
            title: 'hint' in c ? c.hint : null,
          },
          h(
            'button',
            {
              type: 'button',
              class: 'sort',
              'data-column': c.id,
              onclick: () => {
                context.update(
                  {
                    sort: {
                      column: c.id,
                      direction: sorted && direction === 'ascending' ? 'descending' : 'ascending',
                    },
                  },
                  { render: false },
                );
                renderTable();
                tableHolder.querySelector<HTMLElement>(`button[data-column="${c.id}"]`)?.focus();
              },
            },
            c.title,
            sorted ? (direction === 'ascending' ? ' ▲' : ' ▼') : '',
          ),
        );
      }),
    );
    const cell = (row: RunRow, id: RunColumn) => {
      if (id === 'name') {
        return h(
          'button',
          {
            type: 'button',
            class: 'link run-name',
            title: 'Open the run (its confusion matrix)',
            onclick: () => context.navigate('confusion', { run: row.key, cell: undefined }),
          },
          String(row.values.name ?? ''),
        );
      }
      if (id === 'status') return h('span', { class: `status status-${row.status}` }, row.status);
      const text = formatCell(row, id, planned.get(row.key));
      if (row.leakage && (id === 'valLoss' || id === 'valAccuracy') && text !== '–') {
        return [text, ' ', h('abbr', { class: 'leak', title: LEAK_HINT }, 'test set')];
      }
      return text;
    };
    const rowElement = (row: RunRow) =>
      h(
        'tr',
        { 'data-run': row.key, class: row.status === 'running' ? 'running' : null },
        h(
          'td',
          null,
          h('input', {
            type: 'checkbox',
            'aria-label': `Compare ${row.values.name}`,
            checked: state.url.selected.includes(row.key),
            onchange: (event: Event) =>
              setSelected(row.key, (event.target as HTMLInputElement).checked),
          }),
        ),
        RUN_COLUMNS.map((c) =>
          h(
            'td',
            { class: 'numeric' in c ? 'num' : `cell-${c.id}`, 'data-column': c.id },
            cell(row, c.id),
          ),
        ),
      );
    // A thousand rows take a while to lay out and to draw again at every change: the table
    // shows the first PAGE_ROWS of the sorted, filtered runs, and more on request.
    const body = h('tbody', null, shown.slice(0, limit).map(rowElement));
    const hidden = shown.length - Math.min(limit, shown.length);
    const table =
      rows.length === 0
        ? h('p', null, 'No runs found. Train one with `fmnist train`, or drop a run.json here.')
        : h(
            'table',
            { class: 'runs' },
            h('caption', { class: 'visually-hidden' }, 'Runs'),
            h('thead', null, header),
            body,
          );
    const more =
      hidden > 0
        ? h(
            'p',
            { class: 'toolbar', id: 'more-runs' },
            `${Math.min(limit, shown.length)} of ${shown.length} shown (sort or filter to find others). `,
            h(
              'button',
              {
                type: 'button',
                onclick: () => {
                  limit += PAGE_ROWS;
                  renderTable();
                },
              },
              `Show ${Math.min(PAGE_ROWS, hidden)} more`,
            ),
            h(
              'button',
              {
                type: 'button',
                onclick: () => {
                  limit = Number.POSITIVE_INFINITY;
                  renderTable();
                },
              },
              `Show all ${shown.length}`,
            ),
          )
        : null;
    replaceChildren(
      tableHolder,
      table,
      more,
      rows.length > 0 && shown.length === 0
        ? h(
            'p',
            { class: 'no-match', id: 'no-match' },
            `No run matches “${state.url.filter}”. `,
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => {
                  filter.value = '';
                  context.update({ filter: '' }, { render: false });
                  renderTable();
                },
              },
              'Clear the filter',
            ),
          )
        : null,
    );
    replaceChildren(problemsHolder, problemsPanel(context));
  };

  const filter = h('input', {
    type: 'search',
    id: 'run-filter',
    placeholder: 'name, preset, lr, 0.85, leakage…',
    value: state.url.filter,
    oninput: (event: Event) => {
      context.update({ filter: (event.target as HTMLInputElement).value }, { render: false });
      renderTable();
    },
  });
  const element = h(
    'section',
    { 'aria-labelledby': 'view-title' },
    h('h1', { id: 'view-title' }, 'Runs'),
    problemsHolder,
    h(
      'div',
      { class: 'toolbar' },
      h('label', null, 'Filter ', filter),
      h(
        'button',
        {
          type: 'button',
          id: 'compare-selected',
          onclick: () => context.navigate('curves', { zoom: undefined }),
        },
        'Compare selected curves',
      ),
      h(
        'button',
        { type: 'button', id: 'hparams-selected', onclick: () => context.navigate('hparams') },
        'HParams',
      ),
      h(
        'button',
        { type: 'button', id: 'classes-selected', onclick: () => context.navigate('classes') },
        'Per-class comparison',
      ),
    ),
    countLine,
    tableHolder,
  );
  renderTable();
  return { element, refresh: renderTable };
}
