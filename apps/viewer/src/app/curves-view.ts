import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { buildCurveData, type CurveData } from '../data/build-curve-data.js';
import type { LoadedRun } from '../data/read-run-entry.js';
import { h } from './dom.js';
import type { View, ViewContext } from './state.js';

/** Colours for runs, in order; reference lines are grey. */
export const RUN_COLOURS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2'];
const REFERENCE_COLOURS = ['#6b7280', '#9ca3af', '#374151', '#a8a29e', '#57534e'];

function chartOptions(title: string, data: CurveData, width: number): uPlot.Options {
  let reference = 0;
  return {
    title,
    width,
    height: Math.round(Math.min(320, Math.max(200, width * 0.5))),
    scales: { x: { time: false } },
    // Live values take room that a phone does not have.
    legend: { live: width > 560 },
    axes: [{ label: 'epoch', incrs: [1, 2, 5, 10, 20, 50, 100] }, { label: title.toLowerCase() }],
    series: [
      { label: 'epoch' },
      ...data.series.map((s): uPlot.Series => {
        const colour =
          s.kind === 'reference'
            ? (REFERENCE_COLOURS[reference++ % REFERENCE_COLOURS.length] as string)
            : (RUN_COLOURS[s.run % RUN_COLOURS.length] as string);
        return {
          label: s.label,
          stroke: colour,
          width: s.kind === 'reference' ? 1 : 2,
          ...(s.kind === 'train' ? {} : { dash: s.kind === 'reference' ? [2, 4] : [6, 4] }),
          points: { show: s.kind !== 'reference' },
        };
      }),
    ],
  };
}

/**
 * Loss and accuracy per epoch of the selected runs (or the first run), training solid and
 * validation dashed on the same axes, with the notebook's and the published reference lines.
 */
export function curvesView(context: ViewContext): View {
  const charts: uPlot[] = [];
  const holder = h('div', { class: 'charts' });
  const note = h('p', { class: 'muted' });

  const chartedRuns = (): LoadedRun[] => {
    const runs = context.allRuns().filter((run) => run.record);
    const selected = runs.filter((run) => context.state.selected.has(run.key));
    if (selected.length > 0) return selected;
    const current = runs.find((run) => run.key === context.state.currentRun);
    return current ? [current] : runs.slice(0, 1);
  };

  const draw = () => {
    for (const chart of charts.splice(0)) chart.destroy();
    holder.replaceChildren();
    const runs = chartedRuns().map((run) => ({
      name: run.record?.name ?? run.key,
      record: run.record as NonNullable<LoadedRun['record']>,
    }));
    note.textContent =
      runs.length === 0
        ? 'No run to chart yet.'
        : `Showing ${runs.map((r) => r.name).join(', ')}. Select runs in the Runs table to compare them. Solid: training; dashed: validation; dotted: references.`;
    if (runs.length === 0) return;
    const width = Math.max(280, Math.min(900, holder.clientWidth || 600));
    for (const [metric, title] of [
      ['loss', 'Loss'],
      ['accuracy', 'Accuracy'],
    ] as const) {
      const data = buildCurveData(runs, metric);
      const target = h('figure', {
        class: 'chart',
        'data-metric': metric,
        'data-series-count': data.series.length,
        'aria-label': `${title} per epoch: ${data.series.map((s) => s.label).join('; ')}`,
        role: 'img',
      });
      holder.appendChild(target);
      charts.push(
        new uPlot(
          chartOptions(title, data, width),
          [data.epochs, ...data.series.map((s) => s.values)] as uPlot.AlignedData,
          target,
        ),
      );
    }
  };

  const onResize = () => {
    const width = Math.max(280, Math.min(900, holder.clientWidth || 600));
    for (const chart of charts) chart.setSize({ width, height: chart.height });
  };

  return {
    element: h('section', null, h('h1', { id: 'view-title' }, 'Curves'), note, holder),
    mounted() {
      draw();
      window.addEventListener('resize', onResize);
    },
    refresh: draw,
    dispose() {
      window.removeEventListener('resize', onResize);
      for (const chart of charts.splice(0)) chart.destroy();
    },
  };
}
