import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeIdx } from '@fmnist/dataset';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { grayPng, pngBomb } from '../../test/hostile/build-png.js';
import { runCli } from '../../test/run-cli.js';
import { trainTinyRun } from '../../test/train-tiny-run.js';

let dataDir: string;
let runDir: string;
let dir: string;

/** Test image `index` drawn dark on white and scaled up to 3× with an odd size, as a photo might be. */
async function writeLightBackgroundPng(index: number, path: string): Promise<void> {
  const images = await decodeIdx(await readFile(join(dataDir, 't10k-images-idx3-ubyte')));
  const size = 84;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const value =
        255 - (images.data[index * 784 + Math.floor(y / 3) * 28 + Math.floor(x / 3)] as number);
      png.data.set([value, value, value, 255], (y * size + x) * 4);
    }
  }
  await writeFile(path, PNG.sync.write(png));
}

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
  runDir = await trainTinyRun(dataDir, ['--epochs', '4']);
  dir = await mkdtemp(join(tmpdir(), 'fmnist-cli-predict-'));
});

describe('fmnist predict', () => {
  it('classifies a dataset image written by data show, top 3 with probabilities', async () => {
    const file = join(dir, 'seven.png');
    expect(
      (await runCli(['data', 'show', '--index', '7', '--out', file, '--data-dir', dataDir])).code,
    ).toBe(0);
    const result = await runCli(['predict', runDir, file]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^ {2}1\. Sneaker\s+\d\.\d{4}$/);
    expect(lines[3]).toMatch(/^ {2}3\. /);
  });

  it('inverts a light background and resizes any size, as JSON', async () => {
    const file = join(dir, 'bag-on-white.png');
    await writeLightBackgroundPng(8, file);
    const result = await runCli(['predict', runDir, file, '--json', '--top', '2']);
    expect(result.code).toBe(0);
    const [prediction] = JSON.parse(result.stdout);
    expect(prediction).toMatchObject({ file, inverted: true });
    expect(prediction.top).toHaveLength(2);
    expect(prediction.top[0]).toMatchObject({ index: 8, name: 'Bag' });
    expect(prediction.probabilities.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it('exits 1 for a file that is not a PNG', async () => {
    const file = join(dir, 'not.png');
    await writeFile(file, 'hello');
    const result = await runCli(['predict', runDir, file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected a PNG image');
  });

  it('refuses the 68-byte PNG bomb, a truncated PNG and /dev/zero at once', async () => {
    const bomb = join(dir, 'bomb.png');
    await writeFile(bomb, pngBomb());
    const cut = join(dir, 'cut.png');
    await writeFile(cut, grayPng(28, 28, 9).subarray(0, 60));
    for (const [file, message] of [
      [bomb, 'declares 30000×30000 pixels; fmnist predict reads images of at most 4096×4096'],
      [cut, 'the PNG is truncated'],
      ['/dev/zero', 'expected the image /dev/zero to be a regular file, found a device'],
    ]) {
      const started = performance.now();
      const result = await runCli(['predict', runDir, file as string]);
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
    }
  });

  it('exits 2 without an image', async () => {
    const result = await runCli(['predict', runDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'images'");
  });
});
