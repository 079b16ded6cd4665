import { getPreset, listPresets, type OptimizerSpec, summarizeModel } from '@fmnist/models';
import type { Command } from 'commander';
import pc from 'picocolors';
import { wrapText } from '../wrap-text.js';

const EXAMPLES = `
Examples:
  $ fmnist presets                  # every preset, with its parameter count
  $ fmnist presets mlp-adam         # its spec JSON and layer table
  $ fmnist presets cnn --json > my-model.json   # a spec to edit, then: fmnist train --spec my-model.json`;

function describeOptimizer(optimizer: OptimizerSpec): string {
  const momentum =
    'momentum' in optimizer && optimizer.momentum > 0 ? `, momentum ${optimizer.momentum}` : '';
  return `${optimizer.name} (lr ${optimizer.learningRate}${momentum})`;
}

/** Register `fmnist presets [name]`. */
export function addPresetsCommand(program: Command): void {
  program
    .command('presets')
    .summary('list the model presets, or show one')
    .description(
      'Without a name: every built-in preset with its description and parameter count. ' +
        'With a name: its spec JSON (a starting point for --spec) and its layer table.',
    )
    .argument('[name]', 'a preset to show')
    .option('--json', 'print JSON only: the list, or the spec')
    .addHelpText('after', EXAMPLES)
    .action((name: string | undefined, flags: { json?: boolean }) => {
      const out = process.stdout;
      if (name !== undefined) {
        const spec = getPreset(name);
        out.write(`${JSON.stringify(spec, null, 2)}\n`);
        if (!flags.json) out.write(`\n${summarizeModel(spec)}\n`);
        return;
      }
      const presets = listPresets();
      if (flags.json) {
        out.write(
          `${JSON.stringify(
            presets.map(({ name, description, parameters, spec }) => ({
              name,
              description,
              parameters,
              spec,
            })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      const width = Math.max(...presets.map((p) => p.name.length));
      for (const preset of presets) {
        out.write(
          `${pc.bold(preset.name.padEnd(width))}  ${preset.parameters.toLocaleString('en-US').padStart(7)} params  ${describeOptimizer(preset.spec.optimizer)}\n`,
        );
        out.write(`${wrapText(preset.description, 96, '    ')}\n`);
      }
      out.write(
        `\n${pc.dim('fmnist presets <name> shows a spec and its layers; fmnist train --preset <name> trains it.')}\n`,
      );
    });
}
