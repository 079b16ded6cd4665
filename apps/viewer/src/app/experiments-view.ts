import type { ExperimentRecord } from '@fmnist/metrics';
import {
  formatDuration,
  formatMeanStd,
  formatMetric,
  formatPValue,
} from '../data/format-values.js';
import type { LoadedExperiment } from '../data/read-experiment-entry.js';
import { h } from './dom.js';
import type { View, ViewContext } from './state.js';

function comparisonTable(record: ExperimentRecord): HTMLElement {
  const headers = [
    'Preset',
    'Seeds',
    'Train loss (last epoch)',
    'Train acc (last epoch)',
    'Test loss',
    'Test acc',
    'Time',
    'Notebook test acc',
    'Δ test acc',
  ];
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'comparison' },
      h(
        'caption',
        null,
        'Comparison (mean ± std across seeds). Train figures: the last epoch’s running average over its batches, as Keras logs them and the notebook quotes them.',
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          headers.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        null,
        record.rows.map((row) => {
          const std = row.std ?? record.summary?.[row.preset]?.std ?? {};
          const reference = row.reference ?? record.references[row.preset];
          return h(
            'tr',
            null,
            h('th', { scope: 'row' }, row.preset),
            h(
              'td',
              { class: 'num seeds', title: `seeds ${row.seeds.join(', ')}` },
              `${row.seeds.length} seed${row.seeds.length === 1 ? '' : 's'}`,
            ),
            h('td', { class: 'num' }, formatMeanStd(row.trainLoss, std.trainLoss)),
            h('td', { class: 'num' }, formatMeanStd(row.trainAccuracy, std.trainAccuracy)),
            h('td', { class: 'num' }, formatMeanStd(row.testLoss, std.testLoss)),
            h('td', { class: 'num' }, formatMeanStd(row.testAccuracy, std.testAccuracy)),
            h('td', { class: 'num' }, formatDuration(row.seconds)),
            h('td', { class: 'num' }, formatMetric(reference?.testAccuracy)),
            h(
              'td',
              { class: 'num' },
              reference
                ? `${row.testAccuracy >= reference.testAccuracy ? '+' : ''}${formatMetric(row.testAccuracy - reference.testAccuracy)}`
                : '–',
            ),
          );
        }),
      ),
    ),
  );
}

function mcnemarTable(record: ExperimentRecord): HTMLElement | null {
  if (!record.mcnemar?.length) return null;
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'mcnemar' },
      h('caption', null, "McNemar's exact test on the test set (p < 0.05 in bold)"),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['A', 'B', 'A right, B wrong', 'A wrong, B right', 'p-value'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        record.mcnemar.map((test) =>
          h(
            'tr',
            null,
            h('td', null, test.a),
            h('td', null, test.b),
            h('td', { class: 'num' }, test.aRightBWrong),
            h('td', { class: 'num' }, test.aWrongBRight),
            h(
              'td',
              { class: test.pValue < 0.05 ? 'num significant' : 'num' },
              formatPValue(test.pValue),
            ),
          ),
        ),
      ),
    ),
  );
}

function runsList(
  context: ViewContext,
  experiment: LoadedExperiment,
  record: ExperimentRecord,
): HTMLElement {
  return h(
    'details',
    { open: record.runs.length <= 12 },
    h('summary', null, `${record.runs.length} runs`),
    h(
      'ul',
      { class: 'experiment-runs' },
      record.runs.map((run, i) => {
        const key = experiment.runKeys[i] ?? null;
        const name = key ? context.allRuns().find((r) => r.key === key)?.summary?.name : undefined;
        const label = `${name ? `${name}: ` : ''}${run.preset}, seed ${run.seed}`;
        return h(
          'li',
          null,
          key
            ? h(
                'a',
                {
                  href: `#confusion?run=${encodeURIComponent(key)}`,
                  'data-run': key,
                  onclick: (event: MouseEvent) => {
                    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                    event.preventDefault();
                    context.navigate('confusion', { run: key, cell: undefined });
                  },
                },
                label,
              )
            : h('span', null, label),
          `: ${run.status}`,
          h('span', { class: 'muted' }, ` — ${run.path}${key ? '' : ' (not found)'}`),
        );
      }),
    ),
  );
}

/** Buttons that open the experiment's (or sweep's) runs in the comparison views. */
function compareButtons(context: ViewContext, experiment: LoadedExperiment): HTMLElement | null {
  const keys = experiment.runKeys.filter((k): k is string => k !== null);
  if (keys.length === 0) return null;
  return h(
    'p',
    { class: 'toolbar' },
    (
      [
        ['curves', 'Compare its runs’ curves'],
        ['hparams', 'Its runs’ hyperparameters'],
        ['classes', 'Its runs per class'],
      ] as const
    ).map(([view, label]) =>
      h(
        'button',
        {
          type: 'button',
          'data-action': view,
          onclick: () => context.navigate(view, { selected: keys, zoom: undefined }),
        },
        label,
      ),
    ),
  );
}

/** A sweep (issue 20): its name, status and trials as links; its runs open in HParams. */
function sweepCard(context: ViewContext, experiment: LoadedExperiment): HTMLElement {
  const sweep = experiment.sweep ?? { name: experiment.key, status: 'unknown', trials: 0 };
  const keys = experiment.runKeys.filter((k): k is string => k !== null);
  const names = new Map(context.allRuns().map((r) => [r.key, r.summary?.name ?? r.key]));
  return h(
    'article',
    { class: 'experiment sweep', 'data-experiment': experiment.key },
    h('h2', null, `${sweep.name} `, h('span', { class: 'muted' }, `sweep · ${experiment.key}`)),
    h(
      'p',
      null,
      h('span', { class: `status status-${sweep.status}` }, sweep.status),
      ` · ${sweep.trials} trial${sweep.trials === 1 ? '' : 's'}, ${keys.length} with a run found`,
    ),
    h(
      'details',
      { open: keys.length <= 12 },
      h('summary', null, `${keys.length} runs`),
      h(
        'ul',
        { class: 'experiment-runs' },
        keys.map((key) =>
          h(
            'li',
            null,
            h(
              'a',
              {
                href: `#confusion?run=${encodeURIComponent(key)}`,
                'data-run': key,
                onclick: (event: MouseEvent) => {
                  if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                  event.preventDefault();
                  context.navigate('confusion', { run: key, cell: undefined });
                },
              },
              names.get(key) ?? key,
            ),
          ),
        ),
      ),
    ),
    compareButtons(context, experiment),
  );
}

function experimentCard(context: ViewContext, experiment: LoadedExperiment): HTMLElement {
  const { record } = experiment;
  if (experiment.sweep) return sweepCard(context, experiment);
  if (!record) {
    return h(
      'article',
      { class: 'experiment problem', role: 'alert' },
      h('h2', null, experiment.source),
      h('p', null, experiment.problem ?? 'unreadable'),
    );
  }
  return h(
    'article',
    { class: 'experiment', 'data-experiment': experiment.key },
    h('h2', null, `${record.suite} `, h('span', { class: 'muted' }, record.id)),
    h(
      'p',
      null,
      h('span', { class: `status status-${record.status}` }, record.status),
      ` · started ${new Date(record.createdAt).toLocaleString()}`,
      record.finishedAt ? ` · finished ${new Date(record.finishedAt).toLocaleString()}` : '',
    ),
    record.rows.length > 0
      ? comparisonTable(record)
      : h('p', { class: 'muted' }, 'No comparison rows yet.'),
    mcnemarTable(record),
    runsList(context, experiment, record),
    compareButtons(context, experiment),
  );
}

/** Every experiment: its comparison table (mean ± std), McNemar p-values and runs. */
export function experimentsView(context: ViewContext): View {
  const list = h('div');
  const render = () => {
    list.replaceChildren(
      ...(context.state.experiments.length === 0
        ? [h('p', null, 'No experiments found. Run one with `fmnist experiment`.')]
        : context.state.experiments.map((e) => experimentCard(context, e))),
    );
  };
  render();
  return {
    element: h('section', null, h('h1', { id: 'view-title' }, 'Experiments'), list),
    refresh: render,
  };
}
