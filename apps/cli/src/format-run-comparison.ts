import type { RunRecord } from '@fmnist/metrics';

const fixed = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(4));

/** One aligned row per run: status, epochs, and the final loss and accuracy per split. */
export function formatRunComparison(
  runs: readonly { record: RunRecord; location: string }[],
): string {
  const header = [
    'run',
    'status',
    'epochs',
    'train acc (final eval)',
    'val acc',
    'test loss',
    'test acc',
    'directory',
  ];
  const rows = runs.map(({ record, location }) => [
    record.name,
    record.status,
    `${record.history.at(-1)?.epoch ?? 0}/${record.config.epochs}`,
    fixed(record.metrics?.train?.accuracy),
    fixed(record.metrics?.validation?.accuracy),
    fixed(record.metrics?.test?.loss),
    fixed(record.metrics?.test?.accuracy),
    location,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const left = new Set([0, 1, 7]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (left.has(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
