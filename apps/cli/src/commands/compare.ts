import { resolve } from 'node:path';
import {
  type CompareRunsInput,
  compareRuns,
  formatRunsComparisonMarkdown,
  formatRunsComparisonText,
  RUN_SORT_KEYS,
  type RunSortKey,
  stripTerminalControls,
  type TestLabels,
} from '@fmnist/metrics';
import { pathExists, readRecords, toTestLabels } from '@fmnist/runs';
import { type Command, Option } from 'commander';
import { compareSweep, isSweepDirectory } from '../compare-sweep.js';
import { displayPath } from '../display-path.js';
import { failure, usageError } from '../errors.js';
import { loadData } from '../load-data.js';

const EXAMPLES = `
Examples:
  $ fmnist compare runs/mlp-rmsprop-20250101-120000 runs/mlp-dropout-rmsprop-20250101-121500
  $ fmnist compare experiments/notebook-20250101-120000          # every run of an experiment
  $ fmnist compare experiments/notebook-20250101-120000 --format md > comparison.md
  $ fmnist compare runs/a runs/b --format json | jq '.pairs[0].pValue'
  $ fmnist compare experiments/sweep-20250101-120000 --sort validation-accuracy --versus-best
  $ fmnist compare sweeps/sgd-momentum-20250101-120000            # a sweep's ranked trials
  $ fmnist compare sweeps/sgd-momentum-20250101-120000 --json | jq '.table[0].params'

For each pair of runs scored on the same test set: the test images A gets right and B wrong and the
other way round, and McNemar's exact p-value — how likely a split that uneven would be if the two
models were equally good. p ≥ 0.05 means the accuracy difference is no evidence of a better model.
The test labels come from --data-dir, else from where each run's data was.

--sort ranks the runs best first (highest accuracy, lowest loss, fewest seconds); --versus-best
then tests run 1 against each other run only: n - 1 pairs instead of n(n - 1)/2. Ranking by test
accuracy and judging on the same test set flatters the winner: rank by validation-accuracy when
the runs held out a validation split.

A sweep directory (fmnist sweep) is compared on its own, as its report.md does: its configurations
ranked by validation accuracy (mean ± std over seeds) on the holdout every trial shares, McNemar's
exact test of each top configuration against the best on that holdout, and the retrained one's
single test score. The test set plays no part in the ranking.`;

/**
 * The test labels for every test set the runs were scored on: `--data-dir`, else the directory
 * each run's record names. Sets that cannot be found are left out (compareRuns notes the runs).
 */
async function findTestLabels(
  runs: readonly CompareRunsInput[],
  dataDir: string | undefined,
): Promise<TestLabels[]> {
  const found: TestLabels[] = [];
  if (dataDir !== undefined) found.push(toTestLabels((await loadData({ dataDir })).test.labels));
  const wanted = new Map<string, string | undefined>();
  for (const { record } of runs) {
    const sha = record.predictions?.labelsSha256;
    if (sha !== undefined && !wanted.has(sha)) wanted.set(sha, record.data?.source?.location);
  }
  for (const [sha, location] of wanted) {
    if (found.some((labels) => labels.sha256 === sha) || location === undefined) continue;
    if (!(await pathExists(location))) continue;
    try {
      const labels = toTestLabels((await loadData({ dataDir: location })).test.labels);
      if (labels.sha256 === sha) found.push(labels);
    } catch {
      // The run's data moved or changed: its runs are noted as not compared.
    }
  }
  return found;
}

interface CompareFlags {
  format: 'text' | 'md' | 'json';
  json?: boolean;
  dataDir?: string;
  sort?: RunSortKey;
  versusBest?: boolean;
}

/** A sweep is compared alone, ranked as it was: refuse what would rank or score it otherwise. */
function checkSweepFlags(dirs: readonly string[], flags: CompareFlags): void {
  if (dirs.length > 1) {
    throw usageError(
      `a sweep directory is compared on its own (its trials are ranked inside it), found it with ${dirs.length - 1} other director${dirs.length === 2 ? 'y' : 'ies'}`,
      'Compare the sweep alone (fmnist compare <sweep dir>), or give run directories (<sweep dir>/runs/<run>) to compare runs across sweeps.',
    );
  }
  const given = [
    ...(flags.sort !== undefined && flags.sort !== 'validation-accuracy'
      ? [`--sort ${flags.sort}`]
      : []),
    ...(flags.dataDir !== undefined ? ['--data-dir'] : []),
  ];
  if (given.length > 0) {
    throw usageError(
      `a sweep is ranked by validation accuracy on the holdout its trials share, never on the test set; ${given.join(' and ')} cannot apply to it`,
      'Drop them: fmnist compare <sweep dir>.',
    );
  }
}

/** Register `fmnist compare <run or experiment dir>...`. */
export function addCompareCommand(program: Command): void {
  program
    .command('compare')
    .summary('compare runs: one table, and McNemar tests between runs on the same test set')
    .description(
      'Compare runs side by side, and for each pair on the same test set count the images one gets ' +
        "right and the other wrong, with McNemar's exact p-value.",
    )
    .argument(
      '<dirs...>',
      'run directories (fmnist train) or experiment directories (fmnist experiment), or one sweep directory (fmnist sweep)',
    )
    .addOption(
      new Option('--format <format>', 'text for a terminal, md for markdown, json for the data')
        .choices(['text', 'md', 'json'])
        .default('text'),
    )
    .option('--json', 'the same as --format json')
    .option('--data-dir <dir>', "the test set's IDX files (default: where each run's data was)")
    .addOption(
      new Option('--sort <key>', 'rank the runs best first by this').choices(RUN_SORT_KEYS),
    )
    .option('--versus-best', 'test only run 1 (the best, with --sort) against each other run')
    .addHelpText('after', EXAMPLES)
    .action(async (dirs: string[], flags: CompareFlags) => {
      const format = flags.json ? 'json' : flags.format;
      const sweeps = await Promise.all(dirs.map((dir) => isSweepDirectory(resolve(dir))));
      if (sweeps.some(Boolean)) {
        checkSweepFlags(dirs, flags);
        process.stdout.write(await compareSweep(resolve(dirs[0] as string), format));
        return;
      }
      const records = await readRecords(dirs);
      if (records.runs.length === 0) {
        throw failure(
          'the experiments given have no finished runs yet',
          'Resume them with: fmnist experiment --resume <experiment dir>',
        );
      }
      const runs: CompareRunsInput[] = records.runs.map(({ dir, record }) => ({
        label: displayPath(dir),
        record,
      }));
      const testLabels = await findTestLabels(runs, flags.dataDir && resolve(flags.dataDir));
      const comparison = compareRuns(runs, {
        testLabels,
        ...(flags.sort === undefined ? {} : { sort: flags.sort }),
        pairsWith: flags.versusBest ? 'best' : 'all',
      });
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        stripTerminalControls(
          format === 'md'
            ? formatRunsComparisonMarkdown(comparison)
            : formatRunsComparisonText(comparison),
        ),
      );
    });
}
