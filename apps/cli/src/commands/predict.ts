import { resolve } from 'node:path';
import {
  CLASS_NAMES,
  type DatasetImage,
  type LabeledImages,
  toDatasetImage,
} from '@fmnist/dataset';
import { disposeModel } from '@fmnist/models';
import { openRun } from '@fmnist/runs';
import { type BackendName, loadRunModel, predictSplit } from '@fmnist/train';
import { type Command, Option } from 'commander';
import { decodePngGray } from '../decode-png-gray.js';
import { displayPath } from '../display-path.js';
import { CliError, failure } from '../errors.js';
import { createIntegerParser, INTEGER_LIMITS } from '../parse-options.js';
import { readRegularFile } from '../read-regular-file.js';
import { BACKEND_CHOICES, useBackend } from '../use-backend.js';

const EXAMPLES = `
Examples:
  $ fmnist predict runs/mlp-adam-20250101-120000 shoe.png
  $ fmnist predict runs/cnn-20250101-120000 photos/*.png --json
  $ fmnist data show --index 3 --out three.png && fmnist predict runs/cnn-20250101-120000 three.png

Images of any size are made to look like the dataset's: grayscale, a light background inverted
to dark, the longer side scaled to 28 pixels by area averaging, centred on a 28×28 square.`;

interface PredictFlags {
  top: number;
  backend: BackendName | 'auto';
  json?: boolean;
}

// A 4096×4096 RGBA PNG stored without compression is 64 MiB; nothing that predict reads is larger.
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

async function readImage(path: string): Promise<DatasetImage> {
  const bytes = await readRegularFile(path, { what: 'image', maxBytes: MAX_IMAGE_BYTES });
  try {
    return toDatasetImage(decodePngGray(bytes));
  } catch (error) {
    if (!CliError.isInstance(error)) throw error;
    throw failure(
      `expected a PNG image in ${displayPath(path)}: ${error.message}`,
      error.hint,
      error,
    );
  }
}

/** Register `fmnist predict <run dir> <image.png>...`. */
export function addPredictCommand(program: Command): void {
  program
    .command('predict')
    .summary("classify PNG images with a run's model")
    .description("Classify PNG images with a run's model and print the most likely classes.")
    .argument('<run dir>', 'a directory written by fmnist train')
    .argument('<images...>', 'PNG files of any size')
    .option(
      '--top <k>',
      'how many classes to show per image',
      createIntegerParser(INTEGER_LIMITS.top),
      3,
    )
    .addOption(
      new Option('--backend <name>', 'tfjs backend').choices(BACKEND_CHOICES).default('auto'),
    )
    .option('--json', 'print the predictions as JSON on stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (runDirArg: string, paths: string[], flags: PredictFlags) => {
      const run = await openRun(resolve(runDirArg), { lock: false });
      const record = await run.readRecord();
      const images: DatasetImage[] = [];
      for (const path of paths) images.push(await readImage(path));
      await useBackend(flags.backend);
      const { model } = await loadRunModel(run, record);
      const numClasses = (model.outputs[0]?.shape.at(-1) as number | undefined) ?? 10;
      const names =
        record.classNames ?? (numClasses === CLASS_NAMES.length ? [...CLASS_NAMES] : []);
      const set: LabeledImages = {
        count: images.length,
        shape: [28, 28],
        images: new Uint8Array(images.flatMap((image) => [...image.pixels])),
        labels: new Uint8Array(images.length),
      };
      const { probabilities } = predictSplit(model, set);
      disposeModel(model);
      const results = images.map((image, i) => {
        const probs = Array.from(probabilities.subarray(i * numClasses, (i + 1) * numClasses));
        const top = probs
          .map((probability, index) => ({
            index,
            name: names[index] ?? String(index),
            probability,
          }))
          .sort((a, b) => b.probability - a.probability)
          .slice(0, Math.min(flags.top, numClasses));
        return { file: paths[i] as string, inverted: image.inverted, top, probabilities: probs };
      });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        return;
      }
      for (const result of results) {
        const note = result.inverted ? ' (light background, inverted)' : '';
        process.stdout.write(`${displayPath(result.file)}${note}\n`);
        const width = Math.max(...result.top.map((t) => t.name.length));
        for (const [rank, t] of result.top.entries()) {
          process.stdout.write(
            `  ${rank + 1}. ${t.name.padEnd(width)}  ${t.probability.toFixed(4)}\n`,
          );
        }
      }
    });
}
