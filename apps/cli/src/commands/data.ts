import type { Command } from 'commander';
import { addDataFetchCommand } from './data-fetch.js';
import { addDataInfoCommand } from './data-info.js';
import { addDataShowCommand } from './data-show.js';
import { addDataVerifyCommand } from './data-verify.js';

const EXAMPLES = `
Examples:
  $ fmnist data fetch                       # download into the user cache
  $ fmnist data verify                      # hash the files against Fashion-MNIST's manifest
  $ fmnist data info --json
  $ fmnist data show --split test --index 0 --out boot.png

Every command looks for the data in --data-dir, else FMNIST_DATA_DIR, the user cache
($XDG_CACHE_HOME/fmnist or ~/.cache/fmnist) and /usr/share/datasets/fashion-mnist.`;

/** Register `fmnist data fetch | verify | info | show`. */
export function addDataCommand(program: Command): void {
  const data = program
    .command('data')
    .summary('get, check and look at the dataset')
    .description('Get the Fashion-MNIST files, check them, count them and draw them.')
    .addHelpText('after', EXAMPLES);
  addDataFetchCommand(data);
  addDataVerifyCommand(data);
  addDataInfoCommand(data);
  addDataShowCommand(data);
}
