import { formatClassificationReportText } from '@fmnist/metrics';
import { formatMetric } from '../data/format-values.js';
import { h } from './dom.js';
import { pickRunRecord, runSignature } from './run-picker.js';
import type { View, ViewContext } from './state.js';

function bar(kind: 'precision' | 'recall', value: number): HTMLElement {
  const fill = h('span', { class: `bar-fill ${kind}` });
  fill.style.width = `${Number.isFinite(value) ? Math.max(0, Math.min(1, value)) * 100 : 0}%`;
  return h(
    'span',
    { class: 'bar-cell' },
    h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
    formatMetric(value),
  );
}

/** The classification report: per-class precision and recall with bars, F1, support, averages. */
export function reportView(context: ViewContext): View {
  const title = h('h1', { id: 'view-title' }, 'Classification report');
  const picked = pickRunRecord(
    context,
    title,
    (s) => s.has.report,
    'no classification report yet (it is written when a run completes).',
  );
  if ('element' in picked) return { element: picked.element };
  const { run, record, picker } = picked;
  const report = record.classificationReport;
  if (!report) return { element: h('section', null, title, picker) };
  const average = (
    name: string,
    row: { precision: number; recall: number; f1: number; support: number },
  ) =>
    h(
      'tr',
      { class: 'average' },
      h('th', { scope: 'row' }, name),
      h('td', null, formatMetric(row.precision)),
      h('td', null, formatMetric(row.recall)),
      h('td', { class: 'num' }, formatMetric(row.f1)),
      h('td', { class: 'num' }, row.support),
    );
  let text = '';
  try {
    text = formatClassificationReportText(report, { digits: 4 });
  } catch (error) {
    text = `could not format: ${(error as Error).message}`;
  }
  return {
    element: h(
      'section',
      null,
      title,
      picker,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'report' },
          h(
            'caption',
            null,
            `Test set, ${report.support} images, accuracy ${formatMetric(report.accuracy)}`,
          ),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Class', 'Precision', 'Recall', 'F1', 'Support'].map((t) =>
                h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            report.classes.map((c) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row' }, c.name),
                h('td', null, bar('precision', c.precision)),
                h('td', null, bar('recall', c.recall)),
                h('td', { class: 'num' }, formatMetric(c.f1)),
                h('td', { class: 'num' }, c.support),
              ),
            ),
            average('macro avg', report.macroAvg),
            average('weighted avg', report.weightedAvg),
            report.microAvg ? average('micro avg', report.microAvg) : null,
          ),
        ),
      ),
      h('details', null, h('summary', null, 'As scikit-learn prints it'), h('pre', null, text)),
    ),
    signature: () => runSignature(run),
  };
}
