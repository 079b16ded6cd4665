import { meanStd } from '../compute/mean-std.js';
import type {
  ExperimentMcnemar,
  ExperimentRow,
  ExperimentSummary,
} from '../records/experiment-record-schema.js';
import { readRunHeadline } from '../records/read-run-headline.js';
import type { RunRecord } from '../records/run-record-schema.js';
import { compareRunPredictions, type TestLabels } from './compare-run-predictions.js';

/** One run of an experiment, as {@link summarizeExperiment} takes it. */
export interface ExperimentRunInput {
  preset: string;
  seed: number;
  record: RunRecord;
}

/** The notebook's (or any) reference numbers for a preset. */
export interface ReferenceNumbers {
  model?: string;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
}

/** Options of {@link summarizeExperiment}. */
export interface SummarizeExperimentOptions {
  /** Reference numbers per preset (e.g. `NOTEBOOK_REFERENCE`), put beside each row. */
  references?: Readonly<Record<string, ReferenceNumbers>>;
  /** The test labels: with them, McNemar's test between presets trained with the same seed. */
  testLabels?: TestLabels;
}

/** An McNemar entry of an experiment: two presets, trained with the same `seed`. */
export type ExperimentPairTest = ExperimentMcnemar & { seed: number };

/** The comparison parts of an ExperimentRecord. */
export interface ExperimentSummaryParts {
  /** One row per preset with a completed run, in the order presets first appear. */
  rows: ExperimentRow[];
  /** Mean ± std per preset, for presets with more than one completed run. */
  summary: Record<string, ExperimentSummary>;
  /** For each pair of presets and each seed both completed: McNemar on the test set. */
  mcnemar: ExperimentPairTest[];
}

const FIELDS = ['trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy', 'seconds'] as const;

/**
 * The comparison table of an experiment from its runs: per preset, the mean (and, over several
 * seeds, the sample standard deviation) of the last epoch's train loss and accuracy, the test loss
 * and accuracy and the training seconds, with the reference numbers beside; and pairwise McNemar
 * tests between presets trained with the same seed. Only completed runs count.
 *
 * @param runs - the experiment's runs with their records
 * @param options - reference numbers and the test labels
 * @returns `rows`, `summary` and `mcnemar`, as the ExperimentRecord keeps them
 *
 * @example
 * ```ts
 * const { rows } = summarizeExperiment(runs, { references: NOTEBOOK_REFERENCE });
 * rows[0].testAccuracy - (rows[0].reference?.testAccuracy ?? Number.NaN);
 * ```
 */
export function summarizeExperiment(
  runs: readonly ExperimentRunInput[],
  options: SummarizeExperimentOptions = {},
): ExperimentSummaryParts {
  const completed = runs.filter((run) => run.record.status === 'completed');
  const byPreset = new Map<string, ExperimentRunInput[]>();
  for (const run of completed) {
    const list = byPreset.get(run.preset) ?? [];
    list.push(run);
    byPreset.set(run.preset, list);
  }
  const rows: ExperimentRow[] = [];
  const summary: Record<string, ExperimentSummary> = {};
  for (const [preset, list] of byPreset) {
    const headlines = list.map((run) => readRunHeadline(run.record));
    const stats = Object.fromEntries(
      FIELDS.map((field) => [field, meanStd(headlines.map((h) => h[field]))]),
    ) as Record<(typeof FIELDS)[number], ReturnType<typeof meanStd>>;
    const mean = Object.fromEntries(FIELDS.map((f) => [f, stats[f].mean])) as Record<
      (typeof FIELDS)[number],
      number
    >;
    const row: ExperimentRow = {
      preset,
      seeds: list.map((run) => run.seed),
      ...mean,
      seconds: Math.max(0, mean.seconds),
    };
    const reference = options.references?.[preset];
    if (reference !== undefined) {
      row.reference = {
        trainLoss: reference.trainLoss,
        trainAccuracy: reference.trainAccuracy,
        testLoss: reference.testLoss,
        testAccuracy: reference.testAccuracy,
      };
    }
    if (list.length > 1) {
      const std = Object.fromEntries(FIELDS.map((f) => [f, stats[f].std ?? 0]));
      row.std = std;
      summary[preset] = { runs: list.length, mean, std };
    }
    rows.push(row);
  }

  const mcnemar: ExperimentPairTest[] = [];
  const test = options.testLabels;
  if (test !== undefined) {
    const presets = [...byPreset.keys()];
    presets.forEach((a, i) => {
      for (const b of presets.slice(i + 1)) {
        for (const runA of byPreset.get(a) ?? []) {
          const runB = byPreset.get(b)?.find((run) => run.seed === runA.seed);
          if (runB === undefined) continue;
          const result = compareRunPredictions(runA.record, runB.record, test);
          if (!result.comparable) continue;
          mcnemar.push({
            a,
            b,
            seed: runA.seed,
            aRightBWrong: result.aRightBWrong,
            aWrongBRight: result.aWrongBRight,
            pValue: result.pValue,
          });
        }
      }
    });
  }
  return { rows, summary, mcnemar };
}
