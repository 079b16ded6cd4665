import type { RunRecord } from '@fmnist/metrics';
import { type ClassMetric, compareClasses } from '../data/compare-classes.js';
import { formatMetric } from '../data/format-values.js';
import type { LoadedRun } from '../data/read-run-entry.js';
import { h } from './dom.js';
import type { View, ViewContext } from './state.js';

const METRICS: { id: ClassMetric; title: string }[] = [
  { id: 'f1', title: 'F1' },
  { id: 'precision', title: 'Precision' },
  { id: 'recall', title: 'Recall' },
];
const MAX_RUNS = 8;

const signed = (value: number | null) =>
  value === null ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(4)}`;

/**
 * Per-class precision, recall or F1 of the selected runs side by side, each with its
 * difference from the first selected run: which classes (coats? shirts?) a change helps.
 */
export function classCompareView(context: ViewContext): View {
  const { state } = context;
  const title = h('h1', { id: 'view-title' }, 'Per-class comparison');
  const holder = h('div');
  const metric =
    METRICS.find((m) => m.id === state.url.classMetric) ?? (METRICS[0] as (typeof METRICS)[number]);

  const runs = (): LoadedRun[] => {
    const all = context.allRuns().filter((r) => r.summary?.has.report);
    const selected = state.url.selected.flatMap((key) => all.filter((r) => r.key === key));
    if (selected.length > 0) return selected.slice(0, MAX_RUNS);
    const current = all.find((r) => r.key === state.url.run);
    return current ? [current] : all.slice(0, 1);
  };

  const draw = () => {
    const chosen = runs();
    const loaded: { run: LoadedRun; record: RunRecord }[] = [];
    let loading = 0;
    for (const run of chosen) {
      const result = context.recordOf(run);
      if (result.record?.classificationReport) loaded.push({ run, record: result.record });
      else if (result.loading) loading += 1;
    }
    const selectedCount = state.url.selected.length;
    const note = h(
      'p',
      { class: 'muted', id: 'classes-note' },
      chosen.length === 0
        ? 'No run has a classification report yet (it is written when a run completes).'
        : `${selectedCount < 2 ? 'Select two or more completed runs in the Runs table to compare them. ' : ''}${selectedCount > MAX_RUNS ? `The first ${MAX_RUNS} selected runs are shown. ` : ''}Differences are from the first run (${chosen[0]?.summary?.name ?? ''}); the lowest figure of each run is in bold. Test set.`,
      loading > 0 ? ` Loading ${loading} record${loading === 1 ? '' : 's'}…` : '',
    );
    if (loaded.length === 0) {
      holder.replaceChildren(note);
      return;
    }
    const rows = compareClasses(
      loaded.map((l) => l.record),
      metric.id,
    );
    const lowest = loaded.map((_, i) =>
      Math.min(...rows.map((r) => r.values[i] ?? Number.POSITIVE_INFINITY)),
    );
    const names = loaded.map((l) => l.run.summary?.name ?? l.run.key);
    const header = h(
      'tr',
      null,
      h('th', { scope: 'col' }, 'Class'),
      names.map((name, i) => [
        h('th', { scope: 'col', class: 'num' }, `${name} ${metric.title}`),
        i > 0 ? h('th', { scope: 'col', class: 'num' }, `Δ vs ${names[0]}`) : null,
      ]),
    );
    const body = rows.map((row) =>
      h(
        'tr',
        { 'data-class': row.name },
        h('th', { scope: 'row' }, row.name),
        row.values.map((value, i) => {
          const fill = h('span', { class: 'bar-fill precision' });
          fill.style.width = `${value === null ? 0 : Math.max(0, Math.min(1, value)) * 100}%`;
          const difference = row.differences[i] ?? null;
          return [
            h(
              'td',
              { class: value !== null && value === lowest[i] ? 'num lowest' : 'num' },
              h(
                'span',
                { class: 'bar-cell' },
                h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
                formatMetric(value),
              ),
            ),
            i > 0
              ? h(
                  'td',
                  {
                    class: `num diff${difference === null ? '' : difference > 0.00005 ? ' better' : difference < -0.00005 ? ' worse' : ''}`,
                  },
                  signed(difference),
                )
              : null,
          ];
        }),
      ),
    );
    holder.replaceChildren(
      note,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'class-compare' },
          h('caption', null, `${metric.title} per class, test set`),
          h('thead', null, header),
          h('tbody', null, body),
        ),
      ),
    );
  };

  const select = h(
    'select',
    {
      id: 'class-metric',
      onchange: (event: Event) =>
        context.update(
          { classMetric: (event.target as HTMLSelectElement).value as ClassMetric },
          { push: true },
        ),
    },
    METRICS.map((m) => h('option', { value: m.id, selected: m.id === metric.id }, m.title)),
  );
  draw();
  return {
    element: h(
      'section',
      null,
      title,
      h('div', { class: 'toolbar' }, h('label', null, 'Figure ', select)),
      holder,
    ),
    refresh: draw,
  };
}
