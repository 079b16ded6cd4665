import type { RunHistoryEntry, RunRecord } from '../records/run-record-schema.js';
import { escapeRecordText } from './escape-record-text.js';
import { formatClassificationReportMarkdown } from './format-classification-report-markdown.js';
import { formatClassificationReportText } from './format-classification-report-text.js';
import { formatConfusionMatrixMarkdown } from './format-confusion-matrix-markdown.js';
import { formatNumber } from './format-number.js';

/** Options of {@link formatRunReportMarkdown}. */
export interface FormatRunReportOptions {
  /** Decimals of the classification report (default 2, as the notebook). */
  digits?: number;
  /** Show every epoch up to this many; longer histories show the first and last ones (default 20). */
  maxHistoryRows?: number;
}

function historyRows(history: readonly RunHistoryEntry[], max: number): (RunHistoryEntry | null)[] {
  if (history.length <= max) return [...history];
  const head = Math.ceil(max / 2);
  return [...history.slice(0, head), null, ...history.slice(history.length - (max - head))];
}

/**
 * The human report of a run (`report.md`), in markdown: status, configuration, environment, data,
 * a summary of the training history, final metrics per split, the classification report (as
 * scikit-learn prints it) and the confusion matrix. Works on running runs too (missing parts are
 * left out).
 *
 * @param record - a run record (see `parseRunRecord`)
 * @param options - `digits` of the classification report, `maxHistoryRows`
 * @returns markdown text ending in a newline
 *
 * @example
 * ```ts
 * await writeFile(join(runDir, 'report.md'), formatRunReportMarkdown(parseRunRecord(text)));
 * ```
 */
export function formatRunReportMarkdown(
  given: RunRecord,
  options: FormatRunReportOptions = {},
): string {
  const record = escapeRecordText(given);
  const out: string[] = [];
  const names = record.classNames;
  out.push(`# Run ${record.name}`, '');
  out.push(`- id: \`${record.id}\``);
  if (record.preset !== undefined) out.push(`- preset: \`${record.preset}\``);
  out.push(`- status: **${record.status}**`);
  if (record.error !== undefined) {
    const where = [
      record.error.epoch === undefined ? '' : `epoch ${record.error.epoch}`,
      record.error.batch === undefined ? '' : `batch ${record.error.batch}`,
    ].filter(Boolean);
    out.push(`- error: ${record.error.message}${where.length ? ` (${where.join(', ')})` : ''}`);
  }
  out.push(`- created: ${record.createdAt}`);
  if (record.finishedAt !== undefined) out.push(`- finished: ${record.finishedAt}`);

  const { config } = record;
  const validation = config.validation;
  out.push('', '## Configuration', '');
  out.push('| epochs | batch size | validation | seed |', '|---:|---:|---|---:|');
  out.push(
    `| ${config.epochs} | ${config.batchSize} | ${validation.mode}${validation.size === undefined ? '' : ` (${validation.size})`} | ${config.seed} |`,
  );
  if (validation.leakage === true || validation.mode === 'test') {
    out.push(
      '',
      "> Validation used the test set (the notebook's way): the test numbers took part in model choice.",
    );
  }

  const env = record.environment;
  out.push('', '## Environment', '');
  out.push(`- backend: **${env.backend.name}** — ${env.backend.reason}`);
  for (const other of env.passedOver) out.push(`- passed over: ${other.name} — ${other.reason}`);
  out.push(`- tfjs ${env.tfjs}, Node ${env.node}, ${env.cpu}`);

  if (record.data !== undefined) {
    const data = record.data;
    out.push('', '## Data', '');
    out.push(
      `- source: ${data.source.kind} \`${data.source.location}\` (${data.verified ? 'verified as Fashion-MNIST' : 'not verified as Fashion-MNIST'})`,
    );
    out.push(`- train ${data.train}, validation ${data.validation}, test ${data.test}`);
  }

  const history = record.history;
  out.push('', '## Training history', '');
  if (history.length === 0) {
    out.push('No epoch has completed yet.');
  } else {
    const seconds = history.reduce((sum, entry) => sum + entry.seconds, 0);
    out.push(`${history.length} of ${config.epochs} epochs, ${seconds.toFixed(1)} s.`);
    const withVal = history.filter(
      (entry) => entry.valAccuracy !== undefined && !Number.isNaN(entry.valAccuracy),
    );
    if (withVal.length > 0) {
      const best = withVal.reduce((a, b) =>
        (b.valAccuracy as number) > (a.valAccuracy as number) ? b : a,
      );
      out.push(
        `Best validation accuracy ${formatNumber(best.valAccuracy)} at epoch ${best.epoch}.`,
      );
    }
    out.push('', '| epoch | loss | accuracy | val loss | val accuracy | seconds |');
    out.push('|---:|---:|---:|---:|---:|---:|');
    for (const entry of historyRows(history, options.maxHistoryRows ?? 20)) {
      out.push(
        entry === null
          ? '| … | | | | | |'
          : `| ${entry.epoch} | ${formatNumber(entry.loss)} | ${formatNumber(entry.accuracy)} | ${formatNumber(entry.valLoss)} | ${formatNumber(entry.valAccuracy)} | ${entry.seconds.toFixed(1)} |`,
      );
    }
  }
  if (record.events !== undefined && record.events.length > 0) {
    out.push('', '### Events', '');
    for (const event of record.events)
      out.push(`- epoch ${event.epoch}, ${event.type}: ${event.message}`);
  }

  if (record.metrics !== undefined) {
    out.push('', '## Final metrics', '', '| split | loss | accuracy |', '|---|---:|---:|');
    for (const split of ['train', 'validation', 'test'] as const) {
      const m = record.metrics[split];
      if (m !== undefined)
        out.push(`| ${split} | ${formatNumber(m.loss)} | ${formatNumber(m.accuracy)} |`);
    }
  }

  if (record.classificationReport !== undefined) {
    const digits = options.digits ?? 2;
    out.push('', '## Classification report', '', '```text');
    out.push(
      formatClassificationReportText(record.classificationReport, { digits }).trimEnd(),
      '```',
      '',
    );
    out.push(formatClassificationReportMarkdown(record.classificationReport, { digits }).trimEnd());
  }
  if (record.confusionMatrix !== undefined && record.confusionMatrix.length > 0) {
    out.push(
      '',
      '## Confusion matrix',
      '',
      'Rows are true classes, columns predicted classes.',
      '',
    );
    out.push(formatConfusionMatrixMarkdown(record.confusionMatrix, names).trimEnd());
  }
  if (record.samples !== undefined && record.samples.length > 0) {
    const mistakes = record.samples.filter((s) => s.kind === 'mistake').length;
    out.push(
      '',
      `${record.samples.length} sample test images kept, ${mistakes} of them among the most confident mistakes.`,
    );
  }
  return `${out.map((line) => line.trimEnd()).join('\n')}\n`.replace(/\n{3,}/g, '\n\n');
}
