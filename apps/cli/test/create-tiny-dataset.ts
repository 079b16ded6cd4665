// Test fixture: a tiny four-file IDX dataset written with our own encoder (no real data needed).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeIdx } from '@fmnist/dataset';

/** A class-dependent pattern: class c lights a horizontal band and a vertical band, plus noise. */
function drawImage(label: number, next: () => number): Uint8Array {
  const pixels = new Uint8Array(28 * 28);
  const row = 2 + label * 2;
  const col = 26 - label * 2;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const onBand = (y >= row && y < row + 4) || (x >= col - 1 && x < col + 2);
      const noise = Math.floor(next() * 40);
      pixels[y * 28 + x] = onBand ? 200 + Math.floor(next() * 55) : noise;
    }
  }
  return pixels;
}

function makeSplit(count: number, seed: number): { images: Uint8Array; labels: Uint8Array } {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 10;
    labels[i] = label;
    images.set(drawImage(label, next), i * 784);
  }
  return { images, labels };
}

/**
 * Write `train` + `test` images (28×28, ten learnable classes) as the four uncompressed IDX files
 * of the MNIST layout into a new temporary directory, and return it.
 */
export async function createTinyDataset(train = 300, test = 100): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fmnist-cli-data-'));
  const files = {
    'train-images-idx3-ubyte': makeSplit(train, 1).images,
    'train-labels-idx1-ubyte': makeSplit(train, 1).labels,
    't10k-images-idx3-ubyte': makeSplit(test, 2).images,
    't10k-labels-idx1-ubyte': makeSplit(test, 2).labels,
  };
  for (const [name, data] of Object.entries(files)) {
    const count = name.includes('train') ? train : test;
    const shape = name.includes('images') ? [count, 28, 28] : [count];
    await writeFile(join(dir, name), encodeIdx({ dtype: 'uint8', shape, data }));
  }
  return dir;
}
