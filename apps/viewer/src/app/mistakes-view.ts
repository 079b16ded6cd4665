import { mistakes } from '../data/mistakes.js';
import { topClasses } from '../data/top-classes.js';
import { classNamesOf } from './confusion-view.js';
import { h } from './dom.js';
import { sampleCanvas } from './draw-sample.js';
import { pickRunRecord, runSignature } from './run-picker.js';
import type { View, ViewContext } from './state.js';

/** The most confidently wrong test images, with true and predicted class and top probabilities. */
export function mistakesView(context: ViewContext): View {
  const title = h('h1', { id: 'view-title' }, 'Mistakes');
  const picked = pickRunRecord(
    context,
    title,
    (s) => s.has.mistakes > 0,
    'keeps no mistaken images (they are written when a run completes).',
  );
  if ('element' in picked) return { element: picked.element };
  const { run, record, picker } = picked;
  const wrong = mistakes(record.samples ?? []);
  const names = classNamesOf(record.classNames, wrong[0]?.probabilities.length ?? 10);
  return {
    element: h(
      'section',
      null,
      title,
      picker,
      h('p', { class: 'muted' }, `${wrong.length} most confidently wrong test images.`),
      h(
        'ul',
        { class: 'gallery mistakes' },
        wrong.map((s) =>
          h(
            'li',
            { class: 'card' },
            sampleCanvas(
              s.pixels,
              `test image ${s.index}: a ${names[s.label]} taken for a ${names[s.predicted]}`,
            ),
            h('span', { class: 'truth' }, `true: ${names[s.label]}`),
            h('span', { class: 'wrong' }, `predicted: ${names[s.predicted]}`),
            h(
              'ol',
              { class: 'top' },
              topClasses(s.probabilities, names, 3).map((t) =>
                h('li', null, `${t.name} ${(t.probability * 100).toFixed(1)}%`),
              ),
            ),
          ),
        ),
      ),
    ),
    signature: () => runSignature(run),
  };
}
