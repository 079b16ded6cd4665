import {
  axisPosition,
  axisTicks,
  HPARAM_METRICS,
  type HparamAxis,
  hparamAxes,
} from '../data/hparam-axes.js';
import { buildRunRow, type RunRow } from '../data/run-rows.js';
import type { RunSummary } from '../shared/run-summary.js';
import { h } from './dom.js';
import type { View, ViewContext } from './state.js';
import { svg } from './svg.js';

interface Point {
  key: string;
  name: string;
  summary: RunSummary;
  row: RunRow;
  metric: number;
  /** The figure comes from the test set (a test metric, or validation on the test set). */
  fromTest: boolean;
}

/** Low to high metric: blue to yellow through purple and orange (readable on white). */
const STOPS = ['#2c3e9e', '#7b3294', '#c2185b', '#e65100', '#c79100'];
function metricColour(t: number): string {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  return STOPS[Math.round(clamped * (STOPS.length - 1))] ?? '#2c3e9e';
}

const runLabel = (p: Point, metricTitle: string) =>
  `${p.name}: ${metricTitle} ${p.metric.toFixed(4)}${p.fromTest ? ' (from the test set)' : ''}`;

/**
 * Hyperparameters against a metric, as TensorBoard's and W&B's HParams: parallel coordinates
 * (one axis per hyperparameter that differs, the metric last) and a scatter of the metric
 * against one parameter, over the selected runs (all runs when none is selected). The default
 * metric is validation accuracy; figures from the test set are marked. A click on a line or a
 * point, or Enter on it, opens the run.
 */
export function hparamsView(context: ViewContext): View {
  const { state } = context;
  const metric = HPARAM_METRICS.find((m) => m.id === state.url.metric) ?? HPARAM_METRICS[0];
  const title = h('h1', { id: 'view-title' }, 'HParams');
  const holder = h('div', { class: 'hparams' });

  const open = (key: string) => context.navigate('confusion', { run: key, cell: undefined });

  const points = (): { points: Point[]; all: boolean; missing: number } => {
    const runs = context.allRuns().filter((r) => r.summary);
    const chosen =
      state.url.selected.length > 0 ? runs.filter((r) => state.url.selected.includes(r.key)) : runs;
    let missing = 0;
    const list = chosen.flatMap((run): Point[] => {
      const summary = run.summary as RunSummary;
      const row = buildRunRow(run.key, summary, context.experimentsOf(run.key));
      const value = row.values[metric.id];
      if (typeof value !== 'number') {
        missing += 1;
        return [];
      }
      const fromTest = metric.test || (metric.id.startsWith('val') && row.leakage);
      return [{ key: run.key, name: summary.name, summary, row, metric: value, fromTest }];
    });
    return { points: list, all: state.url.selected.length === 0, missing };
  };

  const draw = () => {
    const { points: list, all, missing } = points();
    const available = Math.max(320, holder.clientWidth || 800);
    if (list.length === 0) {
      holder.replaceChildren(
        h('p', null, `No ${all ? '' : 'selected '}run has a ${metric.title} yet.`),
      );
      return;
    }
    const axes = hparamAxes(list.map((p) => p.summary.hparams));
    const values = list.map((p) => p.metric);
    const metricAxis: HparamAxis = {
      name: metric.title,
      kind: 'number',
      min: Math.min(...values),
      max: Math.max(...values),
      log: false,
    };
    const colourOf = (p: Point) => {
      const t = axisPosition(metricAxis, p.metric) ?? 0.5;
      return metricColour(metric.higherIsBetter ? t : 1 - t);
    };

    // Parallel coordinates.
    const height = 340;
    const top = 36;
    const bottom = 40;
    const left = 60;
    const right = 90;
    const allAxes = [...axes, metricAxis];
    // At least 130 px between axes so that their names stay apart; the figure scrolls sideways.
    const width = Math.max(available, left + right + (allAxes.length - 1) * 130);
    const step = allAxes.length > 1 ? (width - left - right) / (allAxes.length - 1) : 0;
    const xOf = (i: number) => left + i * step;
    const yOf = (t: number) => top + (1 - t) * (height - top - bottom);
    const lines = list.map((p) => {
      const coords = allAxes.flatMap((axis, i) => {
        const t =
          i === axes.length
            ? axisPosition(metricAxis, p.metric)
            : axisPosition(axis, p.summary.hparams[axis.name]);
        return t === undefined ? [] : [`${xOf(i).toFixed(1)},${yOf(t).toFixed(1)}`];
      });
      return svg(
        'polyline',
        {
          class: `pc-line${p.fromTest ? ' from-test' : ''}`,
          points: coords.join(' '),
          stroke: colourOf(p),
          'data-run': p.key,
          tabindex: 0,
          role: 'link',
          'aria-label': `Open ${runLabel(p, metric.title)}`,
          onclick: () => open(p.key),
          onkeydown: (event: KeyboardEvent) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              open(p.key);
            }
          },
        },
        svg('title', null, runLabel(p, metric.title)),
      );
    });
    const axisGroups = allAxes.map((axis, i) =>
      svg(
        'g',
        {
          class: i === axes.length ? 'pc-axis metric' : 'pc-axis',
          transform: `translate(${xOf(i).toFixed(1)},0)`,
        },
        svg('line', { x1: 0, x2: 0, y1: yOf(1), y2: yOf(0) }),
        svg(
          'text',
          { class: 'pc-name', x: 0, y: top - 14, 'text-anchor': 'middle' },
          `${axis.name}${axis.kind === 'number' && axis.log ? ' (log)' : ''}${i === axes.length && metric.test ? ' ⚠ test' : ''}`,
        ),
        (i === axes.length ? axisTicks(metricAxis) : axisTicks(axis)).map(([t, label]) =>
          svg(
            'g',
            { transform: `translate(0,${yOf(t).toFixed(1)})` },
            svg('line', { x1: -4, x2: 4, y1: 0, y2: 0 }),
            svg('text', { x: -7, y: 4, 'text-anchor': 'end' }, label),
          ),
        ),
      ),
    );
    const parallel = svg(
      'svg',
      {
        class: 'parallel',
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        role: 'group',
        'aria-label': `Parallel coordinates: ${axes.map((a) => a.name).join(', ')} and ${metric.title}, one line per run`,
      },
      svg('g', { class: 'pc-lines' }, lines),
      axisGroups,
    );

    // Scatter: the metric against one parameter.
    const numericFirst = [...axes].sort((a, b) =>
      a.kind === b.kind ? 0 : a.kind === 'number' ? -1 : 1,
    );
    const xAxis = axes.find((a) => a.name === state.url.param) ?? numericFirst[0];
    const sw = Math.min(available, 720);
    const sh = 320;
    const sl = 64;
    const sr = 20;
    const st = 20;
    const sb = 48;
    const sx = (t: number) => sl + t * (sw - sl - sr);
    const sy = (t: number) => st + (1 - t) * (sh - st - sb);
    const scatter = xAxis
      ? svg(
          'svg',
          {
            class: 'scatter',
            width: sw,
            height: sh,
            viewBox: `0 0 ${sw} ${sh}`,
            role: 'group',
            'aria-label': `${metric.title} against ${xAxis.name}, one point per run`,
          },
          svg('line', { class: 'frame', x1: sl, x2: sw - sr, y1: sy(0), y2: sy(0) }),
          svg('line', { class: 'frame', x1: sl, x2: sl, y1: sy(0), y2: sy(1) }),
          axisTicks(xAxis).map(([t, label]) =>
            svg('text', { x: sx(t), y: sy(0) + 16, 'text-anchor': 'middle' }, label),
          ),
          axisTicks(metricAxis).map(([t, label]) =>
            svg('text', { x: sl - 6, y: sy(t) + 4, 'text-anchor': 'end' }, label),
          ),
          svg(
            'text',
            { class: 'pc-name', x: (sl + sw - sr) / 2, y: sh - 8, 'text-anchor': 'middle' },
            `${xAxis.name}${xAxis.kind === 'number' && xAxis.log ? ' (log)' : ''}`,
          ),
          svg(
            'text',
            {
              class: 'pc-name',
              x: 12,
              y: sy(0.5),
              transform: `rotate(-90 12 ${sy(0.5)})`,
              'text-anchor': 'middle',
            },
            metric.title,
          ),
          list.map((p, i) => {
            const tx = axisPosition(xAxis, p.summary.hparams[xAxis.name]);
            if (tx === undefined) return null;
            // Runs with the same parameter value spread a little sideways so each can be clicked.
            const jitter = xAxis.kind === 'category' ? ((i % 7) - 3) * 3 : 0;
            return svg(
              'circle',
              {
                class: `point${p.fromTest ? ' from-test' : ''}`,
                cx: (sx(tx) + jitter).toFixed(1),
                cy: sy(axisPosition(metricAxis, p.metric) ?? 0.5).toFixed(1),
                r: 6,
                fill: p.fromTest ? '#ffffff' : colourOf(p),
                stroke: colourOf(p),
                'data-run': p.key,
                tabindex: 0,
                role: 'link',
                'aria-label': `Open ${runLabel(p, metric.title)}, ${xAxis.name} ${String(p.summary.hparams[xAxis.name] ?? '–')}`,
                onclick: () => open(p.key),
                onkeydown: (event: KeyboardEvent) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    open(p.key);
                  }
                },
              },
              svg(
                'title',
                null,
                `${runLabel(p, metric.title)}; ${xAxis.name} ${String(p.summary.hparams[xAxis.name] ?? '–')}`,
              ),
            );
          }),
        )
      : null;
    const paramSelect = h(
      'select',
      {
        id: 'hparams-param',
        onchange: (event: Event) =>
          context.update({ param: (event.target as HTMLSelectElement).value }, { push: true }),
      },
      axes.map((a) => h('option', { value: a.name, selected: a.name === xAxis?.name }, a.name)),
    );
    const best = [...list].sort((a, b) =>
      metric.higherIsBetter ? b.metric - a.metric : a.metric - b.metric,
    )[0];
    holder.replaceChildren(
      h(
        'p',
        { class: 'muted', id: 'hparams-note' },
        `${list.length} run${list.length === 1 ? '' : 's'}${all ? ' (all: select runs in the Runs table to narrow)' : ' selected'}`,
        missing > 0 ? `, ${missing} without a ${metric.title} left out` : '',
        '. ',
        best ? `Best: ${best.name} (${best.metric.toFixed(4)}). ` : '',
        'Colour: the metric, better towards yellow. Dashed lines and hollow points: figures from the test set.',
      ),
      h(
        'figure',
        { class: 'hparams-figure' },
        parallel,
        h('figcaption', null, 'Parallel coordinates: each line is a run; click one to open it.'),
      ),
      h(
        'figure',
        { class: 'hparams-figure' },
        h('label', { class: 'picker' }, `${metric.title} against `, paramSelect),
        scatter,
        h('figcaption', null, 'Each point is a run; click one to open it.'),
      ),
    );
  };

  const metricSelect = h(
    'select',
    {
      id: 'hparams-metric',
      onchange: (event: Event) =>
        context.update({ metric: (event.target as HTMLSelectElement).value }, { push: true }),
    },
    HPARAM_METRICS.map((m) =>
      h(
        'option',
        { value: m.id, selected: m.id === metric.id },
        `${m.title}${m.test ? ' — test set' : ''}`,
      ),
    ),
  );
  const warning = metric.test
    ? h(
        'p',
        { class: 'leak-warning', role: 'note' },
        `⚠ ${metric.title} is measured on the test set: choosing hyperparameters by it leaks the test set into the choice. Prefer validation accuracy.`,
      )
    : null;
  return {
    element: h(
      'section',
      null,
      title,
      h('div', { class: 'toolbar' }, h('label', null, 'Metric ', metricSelect)),
      warning,
      holder,
    ),
    mounted: draw,
    refresh: draw,
  };
}
