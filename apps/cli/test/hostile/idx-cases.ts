// Broken IDX directories: each takes the four valid files of a tiny dataset and breaks something.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FASHION_MNIST_MANIFEST } from '@fmnist/dataset';
import { makeTinyDataset } from '@fmnist/dataset/testing';
import type { CliCase } from './corpus-cases.js';
import { IDX_EDITS } from './idx-edits.js';

/** The four valid IDX files of a tiny dataset (train 60, test 20), by file name. */
export function tinyIdxFiles(train = 60, test = 20): Record<string, Uint8Array> {
  const { contents } = makeTinyDataset({ train, test });
  return Object.fromEntries(
    Object.entries(contents).map(([role, bytes]) => [
      FASHION_MNIST_MANIFEST.files[role as keyof typeof contents].fileName,
      bytes,
    ]),
  );
}

export async function writeIdxCases(root: string, outDir: string): Promise<CliCase[]> {
  const cases: CliCase[] = [];
  for (const [i, [name, edit]] of IDX_EDITS.entries()) {
    const dir = join(root, 'idx', String(i).padStart(2, '0'));
    await mkdir(dir, { recursive: true });
    const files: Record<string, Uint8Array> = { ...tinyIdxFiles() };
    await edit(dir, files);
    for (const [file, bytes] of Object.entries(files)) await writeFile(join(dir, file), bytes);
    const protect = Object.keys(files).map((file) => join(dir, file));
    const runs = join(outDir, `idx-${i}`);
    cases.push(
      {
        kind: 'cli',
        category: 'idx',
        name: `data show: ${name}`,
        args: ['data', 'show', '--data-dir', dir],
        expect: 'either',
        protect,
      },
      {
        kind: 'cli',
        category: 'idx',
        name: `train: ${name}`,
        args: [
          'train',
          '--preset',
          'mlp-adam',
          '--epochs',
          '1',
          '--batch-size',
          '20',
          '--data-dir',
          dir,
          '--out',
          runs,
        ],
        expect: 'error',
        protect,
        runsDirs: [runs],
      },
    );
  }
  return cases;
}
