import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type CompareRunsInput,
  compareRuns,
  formatComparisonTable,
  parseExperimentRecord,
  type TestLabels,
} from '@fmnist/metrics';
import { RUN_FILES, readRunRecord } from '@fmnist/train';
import { type Command, Option } from 'commander';
import { displayPath } from '../display-path.js';
import { failure } from '../errors.js';
import { EXPERIMENT_FILE } from '../experiment-files.js';
import { loadData } from '../load-data.js';
import { readTestLabels } from '../read-test-labels.js';

const EXAMPLES = `
Examples:
  $ fmnist compare runs/mlp-rmsprop-20250101-120000 runs/mlp-dropout-rmsprop-20250101-121500
  $ fmnist compare experiments/notebook-20250101-120000          # every run of an experiment
  $ fmnist compare experiments/notebook-20250101-120000 --format md > comparison.md
  $ fmnist compare runs/a runs/b --format json | jq '.pairs[0].pValue'

For each pair of runs scored on the same test set: the test images A gets right and B wrong and the
other way round, and McNemar's exact p-value — how likely a split that uneven would be if the two
models were equally good. p ≥ 0.05 means the accuracy difference is no evidence of a better model.
The test labels come from --data-dir, else from where each run's data was.`;

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The runs a directory stands for: itself (a run) or the runs of an experiment. */
async function expandDirectory(dir: string): Promise<CompareRunsInput[]> {
  const absolute = resolve(dir);
  if (await exists(join(absolute, RUN_FILES.record))) {
    return [{ label: displayPath(absolute), record: await readRunRecord(absolute) }];
  }
  const experimentPath = join(absolute, EXPERIMENT_FILE);
  if (!(await exists(experimentPath))) {
    throw failure(
      `expected a run directory (with ${RUN_FILES.record}) or an experiment directory (with ${EXPERIMENT_FILE}), found neither in ${displayPath(absolute)}`,
      'Pass directories that fmnist train or fmnist experiment wrote, e.g. runs/mlp-adam-20250101-120000.',
    );
  }
  let experiment: ReturnType<typeof parseExperimentRecord>;
  try {
    experiment = parseExperimentRecord(await readFile(experimentPath, 'utf8'));
  } catch (error) {
    throw failure(
      `${displayPath(experimentPath)} is not a valid experiment record: ${(error as Error).message}`,
      'The file is damaged or from another tool; run the experiment again.',
      error,
    );
  }
  const runs: CompareRunsInput[] = [];
  for (const run of experiment.runs) {
    const runDir = join(absolute, run.path);
    runs.push({ label: displayPath(runDir), record: await readRunRecord(runDir) });
  }
  if (runs.length === 0) {
    throw failure(
      `the experiment in ${displayPath(absolute)} has no runs yet`,
      `Resume it with: fmnist experiment --resume ${displayPath(absolute)}`,
    );
  }
  return runs;
}

/**
 * The test labels for every test set the runs were scored on: `--data-dir`, else the directory
 * each run's record names. Sets that cannot be found are left out (compareRuns notes the runs).
 */
async function findTestLabels(
  runs: readonly CompareRunsInput[],
  dataDir: string | undefined,
): Promise<TestLabels[]> {
  const found: TestLabels[] = [];
  if (dataDir !== undefined) found.push(readTestLabels(await loadData({ dataDir })));
  const wanted = new Map<string, string | undefined>();
  for (const { record } of runs) {
    const sha = record.predictions?.labelsSha256;
    if (sha !== undefined && !wanted.has(sha)) wanted.set(sha, record.data?.source?.location);
  }
  for (const [sha, location] of wanted) {
    if (found.some((labels) => labels.sha256 === sha) || location === undefined) continue;
    if (!(await exists(location))) continue;
    try {
      const labels = readTestLabels(await loadData({ dataDir: location }));
      if (labels.sha256 === sha) found.push(labels);
    } catch {
      // The run's data moved or changed: its runs are noted as not compared.
    }
  }
  return found;
}

/** Register `fmnist compare <run or experiment dir>...`. */
export function addCompareCommand(program: Command): void {
  program
    .command('compare')
    .summary('compare runs: one table, and McNemar tests between runs on the same test set')
    .description(
      'Compare runs side by side, and for each pair on the same test set count the images one gets\n' +
        "right and the other wrong, with McNemar's exact p-value.",
    )
    .argument(
      '<dirs...>',
      'run directories (fmnist train) or experiment directories (fmnist experiment)',
    )
    .addOption(
      new Option('--format <format>', 'text for a terminal, md for markdown, json for the data')
        .choices(['text', 'md', 'json'])
        .default('text'),
    )
    .option('--data-dir <dir>', "the test set's IDX files (default: where each run's data was)")
    .addHelpText('after', EXAMPLES)
    .action(async (dirs: string[], flags: { format: 'text' | 'md' | 'json'; dataDir?: string }) => {
      const runs: CompareRunsInput[] = [];
      for (const dir of dirs) runs.push(...(await expandDirectory(dir)));
      const testLabels = await findTestLabels(runs, flags.dataDir && resolve(flags.dataDir));
      const comparison = compareRuns(runs, { testLabels });
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
        return;
      }
      process.stdout.write(formatComparisonTable(comparison, flags.format));
    });
}
