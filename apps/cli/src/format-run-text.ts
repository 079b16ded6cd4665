import type { RunHistoryEntry, RunRecord } from '@fmnist/metrics';
import { formatEvaluation } from './format-evaluation.js';

const fixed = (value: number | undefined, digits = 4) =>
  value === undefined ? '-' : value.toFixed(digits);

/** The layers of a spec as one line, e.g. `dense 128 → dense 64 → dense 10`. */
function formatLayerChain(spec: Record<string, unknown>): string {
  const layers = Array.isArray(spec.layers) ? (spec.layers as Record<string, unknown>[]) : [];
  return layers
    .map((layer) => {
      switch (layer.type) {
        case 'dense':
          return `dense ${String(layer.units)}`;
        case 'dropout':
          return `dropout ${String(layer.rate)}`;
        case 'conv2d':
          return `conv ${String(layer.filters)}`;
        case 'maxPooling2d':
          return 'pool';
        default:
          return String(layer.type);
      }
    })
    .join(' → ');
}

function describeOptimizer(spec: Record<string, unknown>): string {
  const optimizer = (spec.optimizer ?? {}) as Record<string, unknown>;
  const parts = [String(optimizer.name ?? '?'), `lr ${String(optimizer.learningRate ?? '?')}`];
  if (typeof optimizer.momentum === 'number' && optimizer.momentum > 0) {
    parts.push(`momentum ${optimizer.momentum}`);
  }
  return parts.join(' ');
}

function historyTable(history: readonly RunHistoryEntry[], max: number): string[] {
  const header = ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy', 'seconds'];
  const shown = history.length > max ? history.slice(-max) : history;
  const rows = shown.map((h) => [
    String(h.epoch),
    fixed(h.loss),
    fixed(h.accuracy),
    fixed(h.valLoss),
    fixed(h.valAccuracy),
    h.seconds.toFixed(1),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ')}`;
  const lines = [line(header), ...rows.map(line)];
  if (shown.length < history.length)
    lines.splice(1, 0, `  … ${history.length - shown.length} earlier epochs`);
  return lines;
}

/**
 * A run record as plain text for a terminal: what ran and where, the last epochs of its history,
 * final metrics, then the classification report and confusion matrix as the notebook prints them.
 */
export function formatRunText(
  record: RunRecord,
  location: string,
  options: { maxEpochs?: number } = {},
): string {
  const { config, environment, data } = record;
  const validation =
    config.validation.mode === 'holdout'
      ? `holdout ${String(config.validation.size ?? '')}`
      : config.validation.mode === 'test'
        ? 'the test set (the notebook’s way: leaks the test set into model choice)'
        : 'none';
  const done = record.history.at(-1)?.epoch ?? 0;
  const lines = [
    `Run ${record.name} — ${record.status} — ${location}`,
    `  model:       ${record.preset ? `preset ${record.preset}: ` : ''}${formatLayerChain(record.spec)}; ${describeOptimizer(record.spec)}`,
    `  training:    ${done}/${config.epochs} epochs, batch ${config.batchSize}, validation ${validation}, seed ${config.seed}`,
    `  backend:     ${environment.backend.name} (${environment.backend.reason}); tfjs ${environment.tfjs}, Node ${environment.node}`,
  ];
  if (data) {
    lines.push(
      `  data:        ${data.source.location} (${data.source.kind}, ${data.verified ? 'verified Fashion-MNIST' : 'not verified as Fashion-MNIST'}): ${data.train} train / ${data.validation} validation / ${data.test} test`,
    );
  }
  lines.push(
    `  created:     ${record.createdAt}${record.finishedAt ? `, finished ${record.finishedAt}` : ''}`,
  );
  if (record.error) lines.push(`  error:       ${record.error.message}`);
  for (const event of record.events ?? []) {
    if (event.type !== 'resumed')
      lines.push(`  note:        epoch ${event.epoch}: ${event.message}`);
  }
  if (record.history.length > 0)
    lines.push('', 'History:', ...historyTable(record.history, options.maxEpochs ?? 10));
  const metrics = record.metrics ?? {};
  const splits = (['train', 'validation', 'test'] as const).filter((split) => metrics[split]);
  if (splits.length > 0) {
    lines.push('', 'Final metrics:');
    for (const split of splits) {
      lines.push(
        `  ${split.padEnd(11)} loss ${fixed(metrics[split]?.loss)}  accuracy ${fixed(metrics[split]?.accuracy)}`,
      );
    }
  }
  lines.push('');
  const text = formatEvaluation({
    split: 'test',
    classificationReport: record.classificationReport,
    confusionMatrix: record.confusionMatrix,
    classNames: record.classNames,
  });
  return `${lines.join('\n')}\n${text}`;
}
