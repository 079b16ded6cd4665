import { formatRunReportMarkdown, stripTerminalControls } from '@fmnist/metrics';
import { readRecords } from '@fmnist/runs';
import { type Command, Option } from 'commander';
import { displayPath } from '../display-path.js';
import { formatRunComparison } from '../format-run-comparison.js';
import { formatRunText } from '../format-run-text.js';
import { writeHtmlReport } from '../write-html-report.js';
import { writeOutputFile } from '../write-output-file.js';

const EXAMPLES = `
Examples:
  $ fmnist report runs/mlp-adam-20250101-120000
  $ fmnist report runs/*                        # a comparison table, then each run
  $ fmnist report runs/mlp-adam-* --format md > report.md
  $ fmnist report runs/mlp-adam-20250101-120000 --format json | jq .metrics
  $ fmnist report experiments/notebook-20250101-120000 --format html --out notebook.html

--format json prints the run record (run.json) itself; for several runs, an array of them.
--format html writes the viewer's views (curves, confusion matrices, mistakes, Try-it) into one
self-contained file that opens from disk with no server. An experiment directory stands for its runs.`;

/** Register `fmnist report <run dir>...`. */
export function addReportCommand(program: Command): void {
  program
    .command('report')
    .summary('print the report of one or more runs')
    .description(
      'Print what runs did — settings, history, final metrics, classification report, confusion matrix.',
    )
    .argument(
      '<dirs...>',
      'run directories (fmnist train) or experiment directories (fmnist experiment)',
    )
    .addOption(
      new Option(
        '--format <format>',
        'text for a terminal, md for markdown, json for the records, html for a self-contained page',
      )
        .choices(['text', 'md', 'json', 'html'])
        .default('text'),
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText('after', EXAMPLES)
    .action(async (dirs: string[], flags: ReportFlags) => {
      const records = await readRecords(dirs);
      const chunks: string[] = [];
      const out = { write: (text: string) => chunks.push(text) };
      await render(records, flags.format, out);
      if (flags.out === undefined) {
        process.stdout.write(chunks.join(''));
        return;
      }
      await writeOutputFile(flags.out, chunks.join(''));
      process.stderr.write(`wrote ${displayPath(flags.out)}\n`);
    });
}

interface ReportFlags {
  format: 'text' | 'md' | 'json' | 'html';
  out?: string;
}

async function render(
  records: Awaited<ReturnType<typeof readRecords>>,
  format: ReportFlags['format'],
  out: { write(text: string): void },
): Promise<void> {
  if (format === 'html') {
    out.write(await writeHtmlReport(records));
    return;
  }
  const runs = records.runs.map(({ dir, record }) => ({ record, location: displayPath(dir) }));
  if (format === 'json') {
    const list = runs.map((run) => run.record);
    out.write(`${JSON.stringify(list.length === 1 ? list[0] : list, null, 2)}\n`);
    return;
  }
  if (format === 'md') {
    if (runs.length > 1) {
      const table = stripTerminalControls(formatRunComparison(runs));
      // A fence longer than any run of backticks in the names, which could otherwise close it.
      const fence = '`'.repeat(Math.max(3, ...(table.match(/`+/g) ?? []).map((m) => m.length + 1)));
      out.write(`${fence}\n${table}\n${fence}\n\n`);
    }
    out.write(runs.map((run) => formatRunReportMarkdown(run.record)).join('\n'));
    return;
  }
  // Names and messages come from the records: a name may carry escape sequences for the terminal.
  if (runs.length > 1) out.write(stripTerminalControls(`${formatRunComparison(runs)}\n\n`));
  out.write(
    stripTerminalControls(runs.map((run) => formatRunText(run.record, run.location)).join('\n')),
  );
}
