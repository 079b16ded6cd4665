import { resolve } from 'node:path';
import { DatasetError, downloadFashionMnist, locateFashionMnist } from '@fmnist/dataset';
import type { Command } from 'commander';
import pc from 'picocolors';
import { failure } from '../errors.js';
import { resolveSearchOptions } from '../load-data.js';

const EXAMPLES = `
Examples:
  $ fmnist data fetch                 # into $XDG_CACHE_HOME/fmnist or ~/.cache/fmnist
  $ fmnist data fetch --dir ./data    # into ./data (then pass --data-dir ./data)

Files already there that hash right are not downloaded again. Each file is kept only when its
content has Fashion-MNIST's sha256.`;

/** Register `fmnist data fetch`. */
export function addDataFetchCommand(data: Command): void {
  data
    .command('fetch')
    .description("Download Fashion-MNIST's four files from the official mirrors and verify them.")
    .option('--dir <dir>', 'download into this directory instead of the user cache')
    .option('--json', 'print where the files are as JSON on stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: { dir?: string; json?: boolean }) => {
      const err = process.stderr;
      let source: Awaited<ReturnType<typeof downloadFashionMnist>>;
      try {
        source = await downloadFashionMnist({
          ...(flags.dir === undefined ? {} : { cacheDir: resolve(flags.dir) }),
          onProgress: (event) => {
            const mark =
              event.status === 'failed'
                ? pc.red('failed  ')
                : event.status === 'verified'
                  ? pc.green('verified')
                  : event.status === 'cached'
                    ? pc.green('cached  ')
                    : 'fetching';
            const why = event.error ? pc.dim(` (${event.error.message})`) : '';
            err.write(`${mark} ${event.role.padEnd(11)} ${event.url}${why}\n`);
          },
        });
      } catch (error) {
        if (!DatasetError.isInstance(error) || error.code !== 'DOWNLOAD_FAILED') throw error;
        const { source: existing } = await locateFashionMnist(
          resolveSearchOptions(undefined),
        ).catch(() => ({ source: undefined }));
        throw failure(
          `could not download Fashion-MNIST: every mirror failed (see above)`,
          existing
            ? `You already have a copy in ${existing.location} (${existing.kind}), which every command uses.`
            : 'Check the internet connection, or get the files another way: --data-dir <dir>, FMNIST_DATA_DIR, or apt install dataset-fashion-mnist.',
          error,
        );
      }
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({ location: source.location, files: source.files }, null, 2)}\n`,
        );
      } else {
        process.stdout.write(`Fashion-MNIST is in ${source.location} (verified)\n`);
      }
    });
}
