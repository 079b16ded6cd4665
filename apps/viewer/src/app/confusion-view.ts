import { heatmapCells } from '../data/heatmap-cells.js';
import { samplesForCell } from '../data/samples-for-cell.js';
import { h } from './dom.js';
import { sampleCanvas } from './draw-sample.js';
import { pickRunRecord, runSignature } from './run-picker.js';
import type { View, ViewContext } from './state.js';

/** Names of the classes: the record's, else "class i". */
export function classNamesOf(names: readonly string[] | undefined, count: number): string[] {
  return Array.from({ length: count }, (_, i) => names?.[i] ?? `class ${i}`);
}

/**
 * The confusion matrix as a heatmap (counts, shading by row share); a cell's button shows the
 * record's sample images of that cell. The run and the cell are in the link.
 */
export function confusionView(context: ViewContext): View {
  const title = h('h1', { id: 'view-title' }, 'Confusion matrix');
  const picked = pickRunRecord(
    context,
    title,
    (s) => s.has.confusion,
    'no confusion matrix yet (it is written when a run completes).',
  );
  if ('element' in picked) {
    // Nothing to show yet: drawn again at every change, until the run has one.
    return { element: picked.element };
  }
  const { run, record, picker } = picked;
  const matrix = record.confusionMatrix ?? [];
  const names = classNamesOf(record.classNames, matrix.length);
  const examples = h('section', { class: 'examples', 'aria-live': 'polite', id: 'cell-examples' });
  const showCell = (row: number, col: number) => {
    const samples = samplesForCell(record.samples ?? [], row, col);
    const count = matrix[row]?.[col] ?? 0;
    examples.replaceChildren(
      h(
        'h2',
        null,
        `True ${names[row]}, predicted ${names[col]}: ${count} image${count === 1 ? '' : 's'}`,
        h(
          'span',
          { class: 'muted kept' },
          samples.length === count
            ? ', all kept'
            : `, ${samples.length} of ${count} kept in the record`,
        ),
      ),
      samples.length === 0
        ? h('p', null, 'The record keeps no sample images of this cell.')
        : h(
            'ul',
            { class: 'gallery' },
            samples.map((s) =>
              h(
                'li',
                { class: 'card' },
                sampleCanvas(s.pixels, `test image ${s.index}`),
                h(
                  'span',
                  null,
                  `#${s.index} · p=${(s.probabilities[s.predicted] ?? 0).toFixed(3)}`,
                ),
              ),
            ),
          ),
    );
    for (const button of table.querySelectorAll('button[aria-pressed]'))
      button.setAttribute('aria-pressed', 'false');
    table
      .querySelector(`button[data-row="${row}"][data-col="${col}"]`)
      ?.setAttribute('aria-pressed', 'true');
  };
  const cells = heatmapCells(matrix);
  const table = h(
    'table',
    { class: 'heatmap' },
    h('caption', null, 'Rows: true class; columns: predicted class. Shading: share of the row.'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'true \\ predicted')),
        names.map((n) =>
          h('th', { scope: 'col', class: 'col-name', title: n }, h('span', null, n)),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      cells.map((row, r) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, names[r] ?? ''),
          row.map((cell) => {
            const td = h(
              'td',
              { class: `cell${cell.row === cell.col ? ' diagonal' : ''}` },
              h(
                'button',
                {
                  type: 'button',
                  'data-row': cell.row,
                  'data-col': cell.col,
                  'aria-pressed': 'false',
                  'aria-label': `true ${names[cell.row]}, predicted ${names[cell.col]}: ${cell.count} (${(cell.share * 100).toFixed(1)}% of the row)`,
                  onclick: () => {
                    context.update({ run: run.key, cell: [cell.row, cell.col] }, { render: false });
                    showCell(cell.row, cell.col);
                  },
                },
                String(cell.count),
              ),
            );
            td.style.setProperty('--share', cell.share.toFixed(4));
            if (cell.share > 0.5) td.classList.add('dark');
            return td;
          }),
        ),
      ),
    ),
  );
  const linked = context.state.url.cell;
  if (linked && linked[0] < matrix.length && linked[1] < matrix.length)
    showCell(linked[0], linked[1]);
  return {
    element: h(
      'section',
      null,
      title,
      picker,
      h('div', { class: 'table-scroll' }, table),
      examples,
    ),
    signature: () => runSignature(run),
  };
}
