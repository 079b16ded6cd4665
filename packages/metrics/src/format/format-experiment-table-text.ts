import type { ExperimentRecord } from '../records/experiment-record-schema.js';
import { alignColumns } from './align-columns.js';
import { formatMeanStd } from './format-mean-std.js';
import { formatNumber } from './format-number.js';
import { formatPValue } from './format-p-value.js';
import { formatSigned } from './format-signed.js';

/** What {@link formatExperimentTableText} reads from an ExperimentRecord. */
export type ExperimentTableInput = Pick<ExperimentRecord, 'rows' | 'references'> &
  Partial<Pick<ExperimentRecord, 'mcnemar'>>;

const METRICS = ['trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy'] as const;

/**
 * The experiment's comparison as a plain-text table for a terminal: per model, one line with our
 * train and test loss and accuracy and training seconds (mean ± std over several seeds), then the
 * reference's figures (the notebook's) and our difference from them; then, when the record has
 * them, McNemar's tests between models trained with the same seed.
 *
 * @param record - an ExperimentRecord, or its `rows`, `references` and `mcnemar`
 * @returns the table, lines joined by `\n`, no trailing newline
 *
 * @example
 * ```ts
 * console.log(formatExperimentTableText(parseExperimentRecord(text)));
 * ```
 */
export function formatExperimentTableText(record: ExperimentTableInput): string {
  if (record.rows.length === 0) return 'No run has completed yet.';
  const table: string[][] = [
    [
      'model',
      'seeds',
      'seconds',
      'train loss (last epoch)',
      'train acc (last epoch)',
      'test loss',
      'test acc',
    ],
  ];
  for (const row of record.rows) {
    const std = row.std ?? {};
    table.push([
      row.preset,
      row.seeds.join(','),
      formatMeanStd(row.seconds, std.seconds, 1),
      ...METRICS.map((m) => formatMeanStd(row[m], std[m])),
    ]);
    const reference = row.reference ?? record.references[row.preset];
    if (reference !== undefined) {
      const model = record.references[row.preset]?.model;
      table.push([
        `  notebook${model ? ` (${model})` : ''}`,
        '',
        '',
        ...METRICS.map((m) => formatNumber(reference[m])),
      ]);
      table.push([
        '  difference',
        '',
        '',
        ...METRICS.map((m) => formatSigned(row[m] - reference[m])),
      ]);
    }
  }
  const lines = [alignColumns(table, new Set([0, 1]))];
  const tests = record.mcnemar ?? [];
  if (tests.length > 0) {
    const pairs: string[][] = [['A', 'B', 'seed', 'A right B wrong', 'A wrong B right', 'p-value']];
    for (const test of tests) {
      const seed = (test as { seed?: unknown }).seed;
      pairs.push([
        test.a,
        test.b,
        typeof seed === 'number' ? String(seed) : '',
        String(test.aRightBWrong),
        String(test.aWrongBRight),
        formatPValue(test.pValue),
      ]);
    }
    lines.push(
      '',
      "McNemar's exact test on the test set (models trained with the same seed; p < 0.05: unlikely to be chance):",
      alignColumns(pairs, new Set([0, 1])),
    );
  }
  return lines.join('\n');
}
