import { Command } from 'commander';
import pc from 'picocolors';
import pkg from '../package.json' with { type: 'json' };
import { addBenchCommand } from './commands/bench.js';
import { addCompareCommand } from './commands/compare.js';
import { addDataCommand } from './commands/data.js';
import { addEvaluateCommand } from './commands/evaluate.js';
import { addExperimentCommand } from './commands/experiment.js';
import { addPredictCommand } from './commands/predict.js';
import { addPresetsCommand } from './commands/presets.js';
import { addReportCommand } from './commands/report.js';
import { addSweepCommand } from './commands/sweep.js';
import { addTrainCommand } from './commands/train.js';
import { addViewCommand } from './commands/view.js';
import { addWorkerCommand } from './commands/worker.js';

const EXAMPLES = `
Examples:
  $ fmnist data info                          # where the data is, class counts
  $ fmnist presets                            # the notebook's models and a CNN
  $ fmnist train --preset mlp-adam --epochs 10
  $ fmnist report runs/mlp-adam-20250101-120000
  $ fmnist predict runs/mlp-adam-20250101-120000 shoe.png
  $ fmnist view                               # the runs in a browser

Exit codes: 0 ok, 1 a failure while running, 2 a usage error, 130 training interrupted (resumable).
fmnist <command> --help shows each command's options and examples.`;

// After an error in a command's usage, say what the command takes: its subcommands or options.
function addUsageHints(command: Command, path: string): void {
  const names = command.commands.map((c) => c.name());
  if (names.length > 0) {
    command.showHelpAfterError(
      pc.dim(`Commands of ${path}: ${names.join(', ')}. Run "${path} --help" for more.`),
    );
    for (const sub of command.commands) addUsageHints(sub, `${path} ${sub.name()}`);
    return;
  }
  const flags = command.options.map((o) => o.long ?? o.short ?? '').filter(Boolean);
  command.showHelpAfterError(
    pc.dim(
      `Options of ${path}: ${[...flags, '--help'].join(', ')}. Run "${path} --help" for more.`,
    ),
  );
}

/**
 * The `fmnist` program: every command, with usage errors thrown (not exited) so that the entry
 * point maps them to exit code 2.
 */
export function createProgram(): Command {
  const program = new Command('fmnist')
    .description('Train, evaluate and compare Fashion-MNIST classifiers.')
    .version(pkg.version, '-V, --version')
    .option('--verbose', 'print the stack trace with errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(pc.red(text)) })
    .addHelpText('after', EXAMPLES);
  addDataCommand(program);
  addPresetsCommand(program);
  addTrainCommand(program);
  addEvaluateCommand(program);
  addReportCommand(program);
  addPredictCommand(program);
  addBenchCommand(program);
  addViewCommand(program);
  addExperimentCommand(program);
  addCompareCommand(program);
  addSweepCommand(program);
  addWorkerCommand(program);
  addUsageHints(program, 'fmnist');
  return program;
}
