import type { RunSummary } from '../shared/run-summary.js';
import { formatDuration, formatMetric } from './format-values.js';

/** A cell's value: text, a number, or nothing. */
export type CellValue = string | number | null;

/** The columns of the Runs table, in order. */
export const RUN_COLUMNS = [
  { id: 'name', title: 'Name' },
  { id: 'experiment', title: 'Experiment', hint: 'the experiments (or sweeps) that list the run' },
  { id: 'preset', title: 'Preset' },
  { id: 'optimizer', title: 'Optimizer' },
  { id: 'learningRate', title: 'LR', numeric: true, hint: 'learning rate' },
  { id: 'momentum', title: 'Momentum', numeric: true },
  { id: 'batchSize', title: 'Batch', numeric: true, hint: 'batch size' },
  { id: 'epochs', title: 'Epochs', numeric: true, hint: 'completed / planned' },
  { id: 'seed', title: 'Seed', numeric: true },
  { id: 'dropout', title: 'Dropout', numeric: true, hint: 'largest dropout rate' },
  { id: 'widths', title: 'Layers', hint: 'widths of the dense (or conv) layers' },
  {
    id: 'epochLoss',
    title: 'Train loss (last epoch)',
    numeric: true,
    hint: "the last epoch's running average over its batches, dropout on — what Keras logs and the notebook quotes",
  },
  {
    id: 'epochAccuracy',
    title: 'Train acc (last epoch)',
    numeric: true,
    hint: "the last epoch's running average over its batches, dropout on",
  },
  {
    id: 'trainLoss',
    title: 'Train loss (final eval)',
    numeric: true,
    hint: 'the whole training set evaluated once after training, dropout off',
  },
  {
    id: 'trainAccuracy',
    title: 'Train acc (final eval)',
    numeric: true,
    hint: 'the whole training set evaluated once after training, dropout off',
  },
  { id: 'valLoss', title: 'Val loss', numeric: true },
  { id: 'valAccuracy', title: 'Val acc', numeric: true },
  { id: 'testLoss', title: 'Test loss', numeric: true },
  { id: 'testAccuracy', title: 'Test acc', numeric: true },
  { id: 'seconds', title: 'Time', numeric: true },
  { id: 'backend', title: 'Backend' },
  { id: 'status', title: 'Status' },
] as const satisfies readonly { id: string; title: string; numeric?: boolean; hint?: string }[];

/** A column of the Runs table. */
export type RunColumn = (typeof RUN_COLUMNS)[number]['id'];

/** Sort direction. */
export type SortDirection = 'ascending' | 'descending';

/** One line of the Runs table. */
export interface RunRow {
  key: string;
  status: RunSummary['status'];
  /** The run validated on the test set: its "validation" figures are test figures. */
  leakage: boolean;
  values: Record<RunColumn, CellValue>;
}

const hp = (summary: RunSummary, name: string): CellValue => {
  const value = summary.hparams[name];
  return value === undefined ? null : typeof value === 'boolean' ? String(value) : value;
};

/**
 * Shape a run's summary into a table row. Validation falls back to the last epoch's while a
 * run is running (the same measurement, taken at the end of that epoch); the final train
 * evaluation never falls back to the last epoch's running average: they are different numbers.
 */
export function buildRunRow(
  key: string,
  summary: RunSummary,
  experiments: readonly string[],
): RunRow {
  const { final, lastEpoch } = summary;
  return {
    key,
    status: summary.status,
    leakage: summary.validation.leakage,
    values: {
      name: summary.name,
      experiment: experiments.join(', '),
      preset: summary.preset ?? '',
      optimizer: hp(summary, 'optimizer') ?? '',
      learningRate: hp(summary, 'learningRate'),
      momentum: hp(summary, 'momentum'),
      batchSize: hp(summary, 'batchSize'),
      epochs: summary.epochs,
      seed: hp(summary, 'seed'),
      dropout: hp(summary, 'dropout'),
      widths: hp(summary, 'widths') ?? '',
      epochLoss: lastEpoch.loss,
      epochAccuracy: lastEpoch.accuracy,
      trainLoss: final.train?.loss ?? null,
      trainAccuracy: final.train?.accuracy ?? null,
      valLoss: final.validation?.loss ?? lastEpoch.valLoss,
      valAccuracy: final.validation?.accuracy ?? lastEpoch.valAccuracy,
      testLoss: final.test?.loss ?? null,
      testAccuracy: final.test?.accuracy ?? null,
      seconds: summary.seconds,
      backend: summary.backend,
      status: summary.status,
    },
  };
}

/** A cell as the table shows it. */
export function formatCell(row: RunRow, column: RunColumn, epochsPlanned?: number): string {
  const value = row.values[column];
  if (column === 'epochs') return `${value ?? 0}/${epochsPlanned ?? '?'}`;
  if (column === 'seconds') return typeof value === 'number' ? formatDuration(value) : '–';
  if (value === null) return '–';
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !column.endsWith('Loss') && !column.endsWith('Accuracy'))
      return String(value);
    if (['learningRate', 'momentum', 'dropout'].includes(column)) return String(value);
    return formatMetric(value);
  }
  return value;
}

/**
 * Keep the rows that contain every word of the query (case-insensitive) in some cell: names,
 * presets, hyperparameters, and numbers as shown (`0.85` finds 0.8512) or as written (`0.001`).
 * `leakage` finds the runs that validated on the test set. An empty query keeps everything.
 */
export function filterRunRows(rows: readonly RunRow[], query: string): RunRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const parts = RUN_COLUMNS.map(({ id }) => {
      const value = row.values[id];
      if (typeof value === 'number') return `${value} ${formatCell(row, id)}`;
      return value ?? '';
    });
    if (row.leakage) parts.push('leakage validated-on-test');
    const text = parts.join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** One collator for every comparison: `localeCompare` with options builds one per call. */
const TEXT_ORDER = new Intl.Collator(undefined, { numeric: true });

/**
 * Sort rows by a column (a stable sort: equal rows keep their order). Missing values go last
 * in both directions; text compares as people sort it (`2` before `10`), numbers numerically.
 */
export function sortRunRows(
  rows: readonly RunRow[],
  column: RunColumn,
  direction: SortDirection,
): RunRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a.values[column];
    const y = b.values[column];
    const missing = (v: CellValue) => v === null || v === '';
    if (missing(x) || missing(y)) return missing(x) === missing(y) ? 0 : missing(x) ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * TEXT_ORDER.compare(String(x), String(y));
  });
}
