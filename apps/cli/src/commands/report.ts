import { resolve } from 'node:path';
import { renderRunReport } from '@fmnist/metrics';
import { readRunRecord } from '@fmnist/train';
import { type Command, Option } from 'commander';
import { displayPath } from '../display-path.js';
import { formatRunComparison } from '../format-run-comparison.js';
import { formatRunText } from '../format-run-text.js';

const EXAMPLES = `
Examples:
  $ fmnist report runs/mlp-adam-20250101-120000
  $ fmnist report runs/*                        # a comparison table, then each run
  $ fmnist report runs/mlp-adam-* --format md > report.md
  $ fmnist report runs/mlp-adam-20250101-120000 --format json | jq .metrics

--format json prints the run record (run.json) itself; for several runs, an array of them.`;

/** Register `fmnist report <run dir>...`. */
export function addReportCommand(program: Command): void {
  program
    .command('report')
    .summary('print the report of one or more runs')
    .description(
      'Print what runs did — settings, history, final metrics, classification report, confusion matrix.',
    )
    .argument('<run dirs...>', 'directories written by fmnist train')
    .addOption(
      new Option('--format <format>', 'text for a terminal, md for markdown, json for the records')
        .choices(['text', 'md', 'json'])
        .default('text'),
    )
    .addHelpText('after', EXAMPLES)
    .action(async (dirs: string[], flags: { format: 'text' | 'md' | 'json' }) => {
      const runs = [];
      for (const dir of dirs) {
        runs.push({ record: await readRunRecord(resolve(dir)), location: displayPath(dir) });
      }
      const out = process.stdout;
      if (flags.format === 'json') {
        const records = runs.map((run) => run.record);
        out.write(`${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`);
        return;
      }
      if (flags.format === 'md') {
        if (runs.length > 1) {
          out.write(`\`\`\`\n${formatRunComparison(runs)}\n\`\`\`\n\n`);
        }
        out.write(runs.map((run) => renderRunReport(run.record)).join('\n'));
        return;
      }
      if (runs.length > 1) out.write(`${formatRunComparison(runs)}\n\n`);
      out.write(runs.map((run) => formatRunText(run.record, run.location)).join('\n'));
    });
}
