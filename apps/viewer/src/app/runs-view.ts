import { filterRunRows } from '../data/filter-run-rows.js';
import { formatDuration, formatMetric } from '../data/format-values.js';
import { type RunColumn, sortRunRows } from '../data/sort-run-rows.js';
import { type RunRow, summarizeRun } from '../data/summarize-run.js';
import { h, replaceChildren } from './dom.js';
import type { View, ViewContext } from './state.js';

const COLUMNS: { column: RunColumn; title: string; numeric?: boolean }[] = [
  { column: 'name', title: 'Name' },
  { column: 'preset', title: 'Preset' },
  { column: 'optimizer', title: 'Optimizer' },
  { column: 'epochs', title: 'Epochs', numeric: true },
  { column: 'trainLoss', title: 'Train loss', numeric: true },
  { column: 'trainAccuracy', title: 'Train acc', numeric: true },
  { column: 'valLoss', title: 'Val loss', numeric: true },
  { column: 'valAccuracy', title: 'Val acc', numeric: true },
  { column: 'testLoss', title: 'Test loss', numeric: true },
  { column: 'testAccuracy', title: 'Test acc', numeric: true },
  { column: 'seconds', title: 'Time', numeric: true },
  { column: 'backend', title: 'Backend' },
  { column: 'status', title: 'Status' },
];

function cellText(row: RunRow, column: RunColumn): string {
  const value = row[column];
  if (column === 'epochs') return `${row.epochs}/${row.epochsPlanned}`;
  if (column === 'seconds') return formatDuration(row.seconds);
  if (typeof value === 'number' || value === null) return formatMetric(value);
  return value;
}

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

/** The runs table: sort, filter, select for comparison; updated in place while runs are running. */
export function runsView(context: ViewContext): View {
  const { state } = context;
  const tableHolder = h('div', { class: 'table-scroll' });
  const problemsHolder = h('div');
  const countLine = h('p', { class: 'muted', 'aria-live': 'polite' });

  const renderTable = () => {
    const rows = context
      .allRuns()
      .flatMap((run) => (run.record ? [summarizeRun(run.key, run.record)] : []));
    const shown = sortRunRows(
      filterRunRows(rows, state.filter),
      state.sort.column,
      state.sort.direction,
    );
    countLine.textContent = `${shown.length} of ${rows.length} runs shown, ${state.selected.size} selected for comparison`;
    const header = h(
      'tr',
      null,
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Compare')),
      COLUMNS.map(({ column, title, numeric }) => {
        const sorted = state.sort.column === column;
        return h(
          'th',
          {
            scope: 'col',
            class: numeric ? 'num' : null,
            'aria-sort': sorted ? state.sort.direction : null,
          },
          h(
            'button',
            {
              type: 'button',
              class: 'sort',
              'data-column': column,
              onclick: () => {
                state.sort =
                  sorted && state.sort.direction === 'ascending'
                    ? { column, direction: 'descending' }
                    : { column, direction: 'ascending' };
                renderTable();
                tableHolder.querySelector<HTMLElement>(`button[data-column="${column}"]`)?.focus();
              },
            },
            title,
            sorted ? (state.sort.direction === 'ascending' ? ' ▲' : ' ▼') : '',
          ),
        );
      }),
    );
    const body = shown.map((row) =>
      h(
        'tr',
        { 'data-run': row.key, class: row.status === 'running' ? 'running' : null },
        h(
          'td',
          null,
          h('input', {
            type: 'checkbox',
            'aria-label': `Compare ${row.name}`,
            checked: state.selected.has(row.key),
            onchange: (event: Event) => {
              if ((event.target as HTMLInputElement).checked) state.selected.add(row.key);
              else state.selected.delete(row.key);
              countLine.textContent = `${shown.length} of ${rows.length} runs shown, ${state.selected.size} selected for comparison`;
            },
          }),
        ),
        COLUMNS.map(({ column, numeric }) =>
          h(
            'td',
            { class: numeric ? 'num' : column, 'data-column': column },
            column === 'name'
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'link run-name',
                    title: 'Open its confusion matrix',
                    onclick: () => {
                      state.currentRun = row.key;
                      context.navigate('confusion');
                    },
                  },
                  row.name,
                )
              : column === 'status'
                ? h('span', { class: `status status-${row.status}` }, row.status)
                : cellText(row, column),
          ),
        ),
      ),
    );
    replaceChildren(
      tableHolder,
      rows.length === 0
        ? h('p', null, 'No runs found. Train one with `fmnist train`, or drop a run.json here.')
        : h(
            'table',
            { class: 'runs' },
            h('caption', { class: 'visually-hidden' }, 'Runs'),
            h('thead', null, header),
            h('tbody', null, body),
          ),
    );
    replaceChildren(problemsHolder, problemsPanel(context));
  };

  const filter = h('input', {
    type: 'search',
    id: 'run-filter',
    placeholder: 'name, preset, optimizer, status…',
    value: state.filter,
    oninput: (event: Event) => {
      state.filter = (event.target as HTMLInputElement).value;
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
          onclick: () => context.navigate('curves'),
        },
        'Compare selected curves',
      ),
    ),
    countLine,
    tableHolder,
  );
  renderTable();
  return { element, refresh: renderTable };
}
