import type { ConfigurationRow } from '../results/rank-configurations.js';
import { PARAMETER_NAMES, type ParameterName } from '../space/search-space-schema.js';

/** Column titles of a parameter. */
const PARAMETER_TITLES: Record<ParameterName, string> = {
  learningRate: 'lr',
  momentum: 'momentum',
  nesterov: 'nesterov',
  optimizer: 'optimizer',
  batchSize: 'batch',
  dropoutRate: 'dropout',
  layerWidths: 'widths',
  epochs: 'epochs',
};

function formatParameter(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.join('-');
  return String(value);
}

function formatAccuracy(row: ConfigurationRow): string {
  if (!row.valAccuracy) return '';
  const { mean, std } = row.valAccuracy;
  return std === undefined ? mean.toFixed(4) : `${mean.toFixed(4)} ± ${std.toFixed(4)}`;
}

function formatTest(row: ConfigurationRow): string {
  if (!row.mcnemar) return row.rank === 1 ? 'best' : '';
  const p = row.mcnemar.pValue;
  // Below double precision's smallest normal number the exact p-value underflows to 0.
  const shown = p < 1e-300 ? '< 1e-300' : p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
  return `p ${shown} (${row.mcnemar.aRightBWrong}/${row.mcnemar.aWrongBRight})`;
}

/**
 * The cells of a sweep's result table: a header row, then one row per configuration. Columns: rank,
 * configuration, each parameter the sweep varied, epochs reached, validation accuracy (mean ± std
 * over seeds), validation loss, McNemar against the best (p, and the holdout images only this row /
 * only the best got right), status.
 */
export function buildSweepTableCells(rows: readonly ConfigurationRow[]): {
  cells: string[][];
  numeric: ReadonlySet<number>;
} {
  const varied = PARAMETER_NAMES.filter((name) =>
    rows.some((row) => row.params[name] !== undefined),
  );
  const header = [
    'rank',
    'config',
    ...varied.map((name) => PARAMETER_TITLES[name]),
    'epochs',
    'seeds',
    'val acc',
    'val loss',
    'vs best (McNemar)',
    'status',
  ];
  const body = rows.map((row) => [
    String(row.rank),
    row.configurationId,
    ...varied.map((name) => formatParameter(row.params[name])),
    String(row.epochs),
    String(row.seeds.length),
    formatAccuracy(row),
    row.valLoss ? row.valLoss.mean.toFixed(4) : '',
    formatTest(row),
    row.status === 'failed' ? `failed: ${row.failure ?? 'no reason recorded'}` : row.status,
  ]);
  const first = 2 + varied.length;
  const numeric = new Set([0, first, first + 1, first + 2, first + 3]);
  return { cells: [header, ...body], numeric };
}
