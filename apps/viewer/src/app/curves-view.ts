import type { RunRecord } from '@fmnist/metrics';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { buildCurveData, type CurveData, type CurveSeries } from '../data/build-curve-data.js';
import type { LoadedRun } from '../data/read-run-entry.js';
import { runColour } from '../data/run-colour.js';
import { h } from './dom.js';
import type { View, ViewContext } from './state.js';

const REFERENCE_COLOURS = ['#6b7280', '#9ca3af', '#374151', '#a8a29e', '#57534e'];

const DASH: Record<CurveSeries['kind'], number[] | undefined> = {
  train: undefined,
  validation: [7, 4],
  reference: [2, 4],
};
const LEGEND_STYLE = { train: 'solid', validation: 'dashed', reference: 'dotted' } as const;

function chartOptions(
  title: string,
  data: CurveData,
  width: number,
  log: boolean,
  onZoom: (range: [number, number] | undefined) => void,
): uPlot.Options {
  let reference = 0;
  const kinds: CurveSeries['kind'][] = data.series.map((s) => s.kind);
  const last = data.epochs.at(-1) ?? 1;
  return {
    title,
    width,
    height: Math.round(Math.min(420, Math.max(220, width * 0.42))),
    scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
    // Live values take room that a phone does not have.
    legend: {
      live: width > 560,
      markers: {
        width: 3,
        dash: (_u, i) => (i === 0 ? 'solid' : LEGEND_STYLE[kinds[i - 1] ?? 'train']),
      },
    },
    axes: [
      { label: 'epoch', incrs: [1, 2, 5, 10, 20, 50, 100] },
      { label: `${title.toLowerCase()}${log ? ' (log scale)' : ''}` },
    ],
    hooks: {
      setScale: [
        (u, key) => {
          if (key !== 'x') return;
          const { min, max } = u.scales.x ?? {};
          if (min === undefined || max === undefined || min === null || max === null) return;
          const range: [number, number] | undefined =
            min <= 1 && max >= last ? undefined : [min, max];
          const figure = u.root.parentElement;
          if (figure)
            figure.dataset.zoom = range ? range.map((v) => Number(v.toFixed(3))).join('~') : '';
          onZoom(range);
        },
      ],
    },
    series: [
      { label: 'epoch' },
      ...data.series.map((s): uPlot.Series => {
        const colour =
          s.kind === 'reference'
            ? (REFERENCE_COLOURS[reference++ % REFERENCE_COLOURS.length] as string)
            : runColour(s.run);
        return {
          label: s.label,
          stroke: colour,
          width: s.kind === 'reference' ? 1 : 2,
          ...(DASH[s.kind] ? { dash: DASH[s.kind] } : {}),
          points: { show: s.kind !== 'reference' && data.epochs.length <= 40 },
        };
      }),
    ],
  };
}

const alignedData = (data: CurveData) =>
  [data.epochs, ...data.series.map((s) => s.values)] as uPlot.AlignedData;

/**
 * Loss and accuracy per epoch of the selected runs (or the current run), training solid and
 * validation dashed on the same axes, with the notebook's and the published reference lines;
 * optional smoothing and a log scale for the loss. A zoom (drag across a chart; double-click
 * to reset) is kept in the link and through live updates.
 */
export function curvesView(context: ViewContext): View {
  const { state } = context;
  const charts: { metric: 'loss' | 'accuracy'; chart: uPlot; labels: string }[] = [];
  const holder = h('div', { class: 'charts' });
  const note = h('p', { class: 'muted', id: 'curves-note' });
  let applyingZoom = false;

  const chartedRuns = (): LoadedRun[] => {
    const runs = context.allRuns().filter((run) => run.summary);
    const selected = state.url.selected.flatMap((key) => runs.filter((run) => run.key === key));
    if (selected.length > 0) return selected;
    const current = runs.find((run) => run.key === state.url.run);
    return current ? [current] : runs.slice(0, 1);
  };

  const onZoom = (range: [number, number] | undefined) => {
    if (applyingZoom) return;
    applyingZoom = true;
    for (const { chart } of charts) {
      const x = chart.scales.x;
      if (range && (x?.min !== range[0] || x?.max !== range[1]))
        chart.setScale('x', { min: range[0], max: range[1] });
    }
    applyingZoom = false;
    context.update({ zoom: range }, { render: false });
  };

  const chartWidth = () => Math.max(280, holder.clientWidth || 600);

  const collect = () => {
    const loaded: { name: string; record: RunRecord }[] = [];
    let loading = 0;
    const problems: string[] = [];
    for (const run of chartedRuns()) {
      const result = context.recordOf(run);
      if (result.record) loaded.push({ name: run.summary?.name ?? run.key, record: result.record });
      else if (result.loading) loading += 1;
      else problems.push(`${run.source}: ${result.problem ?? 'unreadable'}`);
    }
    return { loaded, loading, problems };
  };

  const describe = (names: string[], loading: number, problems: string[]) => {
    const { smooth, log } = state.url.curves;
    note.textContent =
      names.length === 0 && loading === 0
        ? 'No run to chart yet.'
        : [
            names.length > 0 ? `Showing ${names.join(', ')}.` : '',
            loading > 0 ? `Loading ${loading} run record${loading === 1 ? '' : 's'}…` : '',
            ...problems,
            'Select runs in the Runs table to compare them. Solid: training; dashed: validation; dotted: references.',
            smooth > 0 ? `Smoothed (moving average, weight ${smooth}).` : '',
            log ? 'Loss on a log scale.' : '',
            'Drag across a chart to zoom, double-click to reset.',
          ]
            .filter(Boolean)
            .join(' ');
  };

  const draw = () => {
    for (const { chart } of charts.splice(0)) chart.destroy();
    holder.replaceChildren();
    const { loaded, loading, problems } = collect();
    describe(
      loaded.map((r) => r.name),
      loading,
      problems,
    );
    if (loaded.length === 0) return;
    const width = chartWidth();
    // Building a chart sets its scales: that is not a zoom by the person.
    applyingZoom = true;
    for (const [metric, title] of [
      ['loss', 'Loss'],
      ['accuracy', 'Accuracy'],
    ] as const) {
      const data = buildCurveData(loaded, metric, state.url.curves.smooth);
      const labels = data.series.map((s) => s.label).join('; ');
      const target = h('figure', {
        class: 'chart',
        'data-metric': metric,
        'data-series-count': data.series.length,
        'data-log': metric === 'loss' && state.url.curves.log ? '1' : null,
        'aria-label': `${title} per epoch: ${labels}`,
        role: 'img',
      });
      holder.appendChild(target);
      const chart = new uPlot(
        chartOptions(title, data, width, metric === 'loss' && state.url.curves.log, onZoom),
        alignedData(data),
        target,
      );
      charts.push({ metric, chart, labels });
    }
    const zoom = state.url.zoom;
    if (zoom) for (const { chart } of charts) chart.setScale('x', { min: zoom[0], max: zoom[1] });
    applyingZoom = false;
  };

  /** New epochs: new data in the same charts, the zoom kept; anything else draws them again. */
  const refresh = () => {
    const { loaded, loading, problems } = collect();
    const same =
      charts.length > 0 &&
      loaded.length > 0 &&
      charts.every(({ metric, labels }) => {
        const data = buildCurveData(loaded, metric, state.url.curves.smooth);
        return data.series.map((s) => s.label).join('; ') === labels;
      });
    if (!same) {
      draw();
      return;
    }
    describe(
      loaded.map((r) => r.name),
      loading,
      problems,
    );
    for (const { metric, chart } of charts) {
      const data = buildCurveData(loaded, metric, state.url.curves.smooth);
      const zoom = state.url.zoom;
      applyingZoom = true;
      chart.setData(alignedData(data), !zoom);
      if (zoom) chart.setScale('x', { min: zoom[0], max: zoom[1] });
      applyingZoom = false;
      chart.root.parentElement?.setAttribute('data-epochs', String(data.epochs.length));
    }
  };

  const onResize = () => {
    const width = chartWidth();
    for (const { chart } of charts) chart.setSize({ width, height: chart.height });
  };

  const smoothOutput = h('output', { for: 'curve-smooth' }, String(state.url.curves.smooth));
  const controls = h(
    'div',
    { class: 'toolbar' },
    h(
      'label',
      null,
      'Smoothing ',
      h('input', {
        type: 'range',
        id: 'curve-smooth',
        min: 0,
        max: 0.99,
        step: 0.01,
        value: state.url.curves.smooth,
        oninput: (event: Event) => {
          const smooth = Number((event.target as HTMLInputElement).value);
          smoothOutput.textContent = String(smooth);
          context.update({ curves: { ...state.url.curves, smooth } }, { render: false });
          refresh();
        },
      }),
      smoothOutput,
    ),
    h(
      'label',
      null,
      h('input', {
        type: 'checkbox',
        id: 'curve-log',
        checked: state.url.curves.log,
        onchange: (event: Event) => {
          const log = (event.target as HTMLInputElement).checked;
          context.update({ curves: { ...state.url.curves, log } }, { render: false });
          draw();
        },
      }),
      ' Log scale (loss)',
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'curve-reset-zoom',
        onclick: () => {
          context.update({ zoom: undefined }, { render: false });
          draw();
        },
      },
      'Reset zoom',
    ),
  );

  return {
    element: h('section', null, h('h1', { id: 'view-title' }, 'Curves'), controls, note, holder),
    mounted() {
      draw();
      window.addEventListener('resize', onResize);
    },
    refresh,
    dispose() {
      window.removeEventListener('resize', onResize);
      for (const { chart } of charts.splice(0)) chart.destroy();
    },
  };
}
