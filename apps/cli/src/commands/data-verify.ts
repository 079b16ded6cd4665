import { resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { failure } from '../errors.js';
import { loadData } from '../load-data.js';

const EXAMPLES = `
Examples:
  $ fmnist data verify
  $ fmnist data verify --data-dir ./my-mnist --json

Exits 0 when all four files are Fashion-MNIST's, 1 when any differs (your own data still loads
everywhere, recorded as not verified).`;

/** Register `fmnist data verify`. */
export function addDataVerifyCommand(data: Command): void {
  data
    .command('verify')
    .description("Hash the four files' decompressed content against Fashion-MNIST's manifest.")
    .option('--data-dir <dir>', 'the directory to check (default: where every command looks)')
    .option('--json', 'print the checks as JSON on stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: { dataDir?: string; json?: boolean }) => {
      const data = await loadData({ dataDir: flags.dataDir && resolve(flags.dataDir) });
      const out = process.stdout;
      if (flags.json) {
        out.write(
          `${JSON.stringify(
            {
              verified: data.verified,
              source: { kind: data.source.kind, location: data.source.location },
              checks: data.checks,
            },
            null,
            2,
          )}\n`,
        );
      } else {
        out.write(`${data.source.location} (${data.source.kind})\n`);
        for (const check of data.checks) {
          const mark = check.matches ? pc.green('ok  ') : pc.red('DIFF');
          out.write(
            `  ${mark} ${check.fileName.padEnd(24)} sha256 ${check.actualSha256 ?? '(not hashed)'}\n`,
          );
          if (!check.matches)
            out.write(pc.dim(`       ${''.padEnd(24)} expected ${check.expectedSha256}\n`));
        }
      }
      if (!data.verified) {
        const differ = data.checks.filter((c) => !c.matches).length;
        throw failure(
          `${differ} of ${data.checks.length} files in ${data.source.location} are not Fashion-MNIST's`,
          'Fine for your own data (it loads, recorded as not verified); for Fashion-MNIST itself, fmnist data fetch downloads verified files.',
        );
      }
      if (!flags.json) out.write(`${pc.green('verified')}: these are Fashion-MNIST's files\n`);
    });
}
