import { resolve } from 'node:path';
import { CLASS_NAMES } from '@fmnist/dataset';
import { stripTerminalControls } from '@fmnist/metrics';
import { disposeModel } from '@fmnist/models';
import { openRun } from '@fmnist/runs';
import { type BackendName, evaluate, loadRunModel } from '@fmnist/train';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { displayPath } from '../display-path.js';
import { formatEvaluation } from '../format-evaluation.js';
import { loadRunData } from '../load-run.js';
import { BACKEND_CHOICES, useBackend } from '../use-backend.js';

const EXAMPLES = `
Examples:
  $ fmnist evaluate runs/mlp-adam-20250101-120000
  $ fmnist evaluate runs/mlp-adam-20250101-120000 --split train --json

An interrupted run is evaluated with its last completed epoch's checkpoint. The data is the one
the run names in run.json unless --data-dir says otherwise; --split train is the whole training
set, the validation holdout included.`;

interface EvaluateFlags {
  split: 'test' | 'train';
  dataDir?: string;
  backend: BackendName | 'auto';
  json?: boolean;
}

/** Register `fmnist evaluate <run dir>`. */
export function addEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .summary("measure a run's model on the test or train split")
    .description(
      "Load a run's model and measure it on a split: loss, accuracy, the classification report and the confusion matrix.",
    )
    .argument('<run dir>', 'a directory written by fmnist train')
    .addOption(
      new Option('--split <split>', 'which split').choices(['test', 'train']).default('test'),
    )
    .option('--data-dir <dir>', 'the four IDX files (default: the ones the run was trained on)')
    .addOption(
      new Option('--backend <name>', 'tfjs backend').choices(BACKEND_CHOICES).default('auto'),
    )
    .option('--json', 'print the evaluation as JSON on stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (runDirArg: string, flags: EvaluateFlags) => {
      const run = await openRun(resolve(runDirArg), { lock: false });
      const record = await run.readRecord();
      await useBackend(flags.backend);
      const data = await loadRunData(record, flags.dataDir && resolve(flags.dataDir));
      const { model, from, epoch } = await loadRunModel(run, record);
      if (from === 'checkpoint') {
        process.stderr.write(
          pc.yellow(`The run is ${record.status}: evaluating its checkpoint of epoch ${epoch}.\n`),
        );
      }
      const split = data[flags.split];
      const numClasses = (model.outputs[0]?.shape.at(-1) as number | undefined) ?? 10;
      const classNames =
        record.classNames ?? (numClasses === CLASS_NAMES.length ? [...CLASS_NAMES] : undefined);
      const result = evaluate(model, split, { classNames });
      disposeModel(model);
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify(
            {
              runDir: displayPath(run.dir),
              split: flags.split,
              model: from,
              epoch,
              count: split.count,
              loss: result.loss,
              accuracy: result.accuracy,
              classificationReport: result.classificationReport,
              confusionMatrix: result.confusionMatrix,
              classNames,
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      // The names come from the record: no escape sequence of theirs reaches the terminal.
      const text =
        `${record.name} (${displayPath(run.dir)}), ${from === 'model' ? 'final model' : `checkpoint of epoch ${epoch}`}, ${split.count} ${flags.split} images\n\n` +
        formatEvaluation({
          split: flags.split,
          loss: result.loss,
          accuracy: result.accuracy,
          classificationReport: result.classificationReport,
          confusionMatrix: result.confusionMatrix,
          classNames,
        });
      process.stdout.write(stripTerminalControls(text));
    });
}
