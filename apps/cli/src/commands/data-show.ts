import { resolve } from 'node:path';
import { CLASS_NAMES, formatImageText } from '@fmnist/dataset';
import { type Command, Option } from 'commander';
import { displayPath } from '../display-path.js';
import { encodeGrayPng } from '../encode-gray-png.js';
import { usageError } from '../errors.js';
import { loadData } from '../load-data.js';
import { createIntegerParser, INTEGER_LIMITS } from '../parse-options.js';
import { writeOutputFile } from '../write-output-file.js';

const EXAMPLES = `
Examples:
  $ fmnist data show                                # the first test image
  $ fmnist data show --split train --index 42
  $ fmnist data show --index 0 --out boot.png --scale 8   # a 224×224 PNG`;

interface ShowFlags {
  split: 'train' | 'test';
  index: number;
  out?: string;
  scale: number;
  dataDir?: string;
}

/** Register `fmnist data show`. */
export function addDataShowCommand(data: Command): void {
  data
    .command('show')
    .description('Draw one image in the terminal with its label, or write it as a PNG.')
    .addOption(
      new Option('--split <split>', 'which split').choices(['train', 'test']).default('test'),
    )
    .option('-i, --index <n>', 'which image, from 0', createIntegerParser(INTEGER_LIMITS.index), 0)
    .option('--out <file.png>', 'write a PNG instead of drawing')
    .option(
      '--scale <n>',
      'PNG pixels per image pixel',
      createIntegerParser(INTEGER_LIMITS.scale),
      1,
    )
    .option('--data-dir <dir>', 'the four IDX files (default: where every command looks)')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: ShowFlags) => {
      const data = await loadData({ dataDir: flags.dataDir && resolve(flags.dataDir) });
      const split = data[flags.split];
      if (flags.index >= split.count) {
        throw usageError(
          `--index ${flags.index} is past the end: the ${flags.split} split has ${split.count} images (0 to ${split.count - 1})`,
          'Pick an index in that range.',
        );
      }
      const [rows, cols] = split.shape;
      const pixels = split.images.subarray(
        flags.index * rows * cols,
        (flags.index + 1) * rows * cols,
      );
      const label = split.labels[flags.index] ?? 0;
      const caption =
        `${flags.split}[${flags.index}]: ${label} ${CLASS_NAMES[label] ?? ''}`.trimEnd();
      if (flags.out !== undefined) {
        await writeOutputFile(flags.out, encodeGrayPng(pixels, rows, cols, flags.scale));
        process.stdout.write(
          `${caption} → ${displayPath(flags.out)} (${cols * flags.scale}×${rows * flags.scale} PNG)\n`,
        );
        return;
      }
      process.stdout.write(`${caption}\n${formatImageText(pixels, { shape: [rows, cols] })}\n`);
    });
}
