import type { ExperimentRecord } from '../records/experiment-record-schema.js';
import { escapeMarkdownCell } from './escape-markdown-cell.js';
import { escapeRecordText } from './escape-record-text.js';
import { formatMeanStd } from './format-mean-std.js';
import { formatNumber } from './format-number.js';
import { formatSigned } from './format-signed.js';

/**
 * The human report of an experiment (a suite of runs), in markdown: the comparison table against
 * the notebook's numbers, mean ± std per preset when several seeds ran, pairwise McNemar tests and
 * the runs.
 *
 * @param record - an experiment record (see `parseExperimentRecord`)
 * @returns markdown text ending in a newline
 *
 * @example
 * ```ts
 * console.log(formatExperimentReportMarkdown(parseExperimentRecord(text)));
 * ```
 */
export function formatExperimentReportMarkdown(given: ExperimentRecord): string {
  const record = escapeRecordText(given);
  const out: string[] = [];
  out.push(`# Experiment ${record.suite}`, '');
  out.push(
    `- id: \`${record.id}\``,
    `- status: **${record.status}**`,
    `- created: ${record.createdAt}`,
  );
  if (record.finishedAt !== undefined) out.push(`- finished: ${record.finishedAt}`);

  out.push('', '## Comparison', '');
  if (record.rows.length === 0) {
    out.push('No run has finished yet.');
  } else {
    out.push(
      '| preset | seeds | train loss (last epoch) | train acc (last epoch) | test loss | test acc | seconds | notebook test acc | Δ test acc |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of record.rows) {
      const reference = row.reference ?? record.references[row.preset];
      const std = row.std ?? {};
      out.push(
        `| ${escapeMarkdownCell(row.preset)} | ${row.seeds.join(', ')} | ${formatMeanStd(row.trainLoss, std.trainLoss)} | ${formatMeanStd(row.trainAccuracy, std.trainAccuracy)} | ${formatMeanStd(row.testLoss, std.testLoss)} | ${formatMeanStd(row.testAccuracy, std.testAccuracy)} | ${formatMeanStd(row.seconds, std.seconds, 1)} | ${formatNumber(reference?.testAccuracy)} | ${reference === undefined ? '—' : formatSigned(row.testAccuracy - reference.testAccuracy)} |`,
      );
    }
  }

  const references = Object.entries(record.references);
  if (references.length > 0) {
    out.push('', '## Notebook reference', '');
    out.push(
      '| preset | model | train loss (last epoch) | train acc (last epoch) | test loss | test acc |',
      '|---|---|---:|---:|---:|---:|',
    );
    for (const [preset, r] of references) {
      out.push(
        `| ${escapeMarkdownCell(preset)} | ${r.model ?? ''} | ${formatNumber(r.trainLoss)} | ${formatNumber(r.trainAccuracy)} | ${formatNumber(r.testLoss)} | ${formatNumber(r.testAccuracy)} |`,
      );
    }
  }

  const summary = Object.entries(record.summary ?? {});
  if (summary.length > 0) {
    out.push('', '## Mean ± std across seeds', '');
    out.push(
      '| preset | runs | train loss (last epoch) | train acc (last epoch) | test loss | test acc | seconds |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const [preset, s] of summary) {
      out.push(
        `| ${escapeMarkdownCell(preset)} | ${s.runs} | ${formatMeanStd(s.mean.trainLoss, s.std.trainLoss)} | ${formatMeanStd(s.mean.trainAccuracy, s.std.trainAccuracy)} | ${formatMeanStd(s.mean.testLoss, s.std.testLoss)} | ${formatMeanStd(s.mean.testAccuracy, s.std.testAccuracy)} | ${formatMeanStd(s.mean.seconds, s.std.seconds, 1)} |`,
      );
    }
  }

  if (record.mcnemar !== undefined && record.mcnemar.length > 0) {
    out.push('', '## McNemar tests (test set)', '');
    out.push(
      'Exact two-sided binomial test on the samples where the two models disagree.',
      '',
      '| A | B | A right, B wrong | A wrong, B right | p-value |',
      '|---|---|---:|---:|---:|',
    );
    for (const m of record.mcnemar) {
      out.push(
        `| ${escapeMarkdownCell(m.a)} | ${escapeMarkdownCell(m.b)} | ${m.aRightBWrong} | ${m.aWrongBRight} | ${m.pValue < 1e-4 ? m.pValue.toExponential(2) : m.pValue.toFixed(4)} |`,
      );
    }
  }

  out.push('', '## Runs', '', '| preset | seed | status | path |', '|---|---:|---|---|');
  for (const run of record.runs) {
    out.push(
      `| ${escapeMarkdownCell(run.preset)} | ${run.seed} | ${run.status} | \`${run.path}\` |`,
    );
  }
  return `${out.join('\n')}\n`;
}
