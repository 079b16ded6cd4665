import { resolve } from 'node:path';
import { CLASS_NAMES, countClasses } from '@fmnist/dataset';
import type { Command } from 'commander';
import { loadData } from '../load-data.js';

const EXAMPLES = `
Examples:
  $ fmnist data info
  $ fmnist data info --data-dir ./my-mnist --json`;

/** Register `fmnist data info`. */
export function addDataInfoCommand(data: Command): void {
  data
    .command('info')
    .description('Where the data comes from, its content hashes, and the class counts per split.')
    .option('--data-dir <dir>', 'the directory to describe (default: where every command looks)')
    .option('--json', 'print JSON on stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: { dataDir?: string; json?: boolean }) => {
      const started = performance.now();
      const data = await loadData({ dataDir: flags.dataDir && resolve(flags.dataDir) });
      const seconds = (performance.now() - started) / 1000;
      const splits = { train: data.train, test: data.test };
      const out = process.stdout;
      if (flags.json) {
        out.write(
          `${JSON.stringify(
            {
              source: {
                kind: data.source.kind,
                location: data.source.location,
                files: data.source.files,
              },
              verified: data.verified,
              sha256: Object.fromEntries(data.checks.map((c) => [c.fileName, c.actualSha256])),
              splits: Object.fromEntries(
                Object.entries(splits).map(([name, split]) => [
                  name,
                  { count: split.count, shape: split.shape, classCounts: countClasses(split) },
                ]),
              ),
              classNames: CLASS_NAMES,
              loadSeconds: seconds,
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      const lines = [
        `source:   ${data.source.location} (${data.source.kind})`,
        `verified: ${data.verified ? 'yes, Fashion-MNIST' : 'no (not the Fashion-MNIST files; structural checks passed)'}`,
        `loaded in ${seconds.toFixed(2)}s`,
        '',
        'sha256 of the decompressed content:',
        ...data.checks.map((c) => `  ${c.fileName.padEnd(24)} ${c.actualSha256 ?? '(not hashed)'}`),
        '',
        `${'class'.padEnd(16)}${'train'.padStart(8)}${'test'.padStart(8)}`,
      ];
      const train = countClasses(data.train);
      const test = countClasses(data.test);
      for (const [i, name] of CLASS_NAMES.entries()) {
        lines.push(
          `${`${i} ${name}`.padEnd(16)}${String(train[i]).padStart(8)}${String(test[i]).padStart(8)}`,
        );
      }
      lines.push(
        `${'total'.padEnd(16)}${String(data.train.count).padStart(8)}${String(data.test.count).padStart(8)}`,
        `image size: ${data.train.shape.join('×')}`,
      );
      out.write(`${lines.join('\n')}\n`);
    });
}
