// The ways a hostile IDX directory breaks the four valid files of a tiny dataset.
import { execFileSync } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeIdx } from '@fmnist/dataset';

export function idxHeader(typeCode: number, dims: number[]): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, (typeCode << 8) | dims.length);
  dims.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d >>> 0);
  });
  return header;
}

/** A split (`train` or `t10k`) with no images and no labels, both files well formed. */
function emptySplit(f: Record<string, Uint8Array>, prefix: 'train' | 't10k'): void {
  f[`${prefix}-images-idx3-ubyte`] = encodeIdx({
    dtype: 'uint8',
    shape: [0, 28, 28],
    data: new Uint8Array(0),
  });
  f[`${prefix}-labels-idx1-ubyte`] = encodeIdx({
    dtype: 'uint8',
    shape: [0],
    data: new Uint8Array(0),
  });
}

export const concat = (...parts: Uint8Array[]) => Buffer.concat(parts);

/** Set one file of a directory being edited. */
export const put = (files: Record<string, Uint8Array>, name: string, bytes: Uint8Array): void => {
  files[name] = bytes;
};

/** Replace one of the files by a well-formed IDX file of zeros of `shape`. */
const putZeros = (
  files: Record<string, Uint8Array>,
  name: string,
  shape: number[],
  dtype: 'uint8' | 'float32' = 'uint8',
): void => {
  const count = shape.reduce((a, b) => a * b, 1);
  const bytes =
    dtype === 'uint8'
      ? encodeIdx({ dtype, shape, data: new Uint8Array(count) })
      : encodeIdx({ dtype, shape, data: new Float32Array(count) });
  put(files, name, bytes);
};

export type IdxEdit = (dir: string, files: Record<string, Uint8Array>) => Promise<void> | void;

/** 26 broken IDX directories: each takes the four valid files and breaks something. */
export const IDX_EDITS: [string, IdxEdit][] = [
  ['a file missing', (_d, f) => void delete f['train-labels-idx1-ubyte']],
  ['an empty images file', (_d, f) => put(f, 'train-images-idx3-ubyte', new Uint8Array(0))],
  [
    'a wrong magic (rank 4)',
    (_d, f) =>
      put(
        f,
        't10k-images-idx3-ubyte',
        concat(idxHeader(8, [20, 28, 28, 1]), new Uint8Array(20 * 784)),
      ),
  ],
  [
    'gzip magic, garbage inside',
    (_d, f) =>
      put(
        f,
        'train-images-idx3-ubyte',
        Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]),
      ),
  ],
  [
    'a header cut at 6 bytes',
    (_d, f) =>
      put(
        f,
        'train-images-idx3-ubyte',
        (f['train-images-idx3-ubyte'] as Uint8Array).subarray(0, 6),
      ),
  ],
  [
    'the pixels cut in half',
    (_d, f) => {
      const bytes = f['train-images-idx3-ubyte'] as Uint8Array;
      f['train-images-idx3-ubyte'] = bytes.subarray(0, bytes.length / 2);
    },
  ],
  [
    'trailing bytes after the data',
    (_d, f) =>
      put(
        f,
        't10k-labels-idx1-ubyte',
        concat(f['t10k-labels-idx1-ubyte'] as Uint8Array, new Uint8Array(7)),
      ),
  ],
  ['59 labels for 60 images', (_d, f) => putZeros(f, 'train-labels-idx1-ubyte', [59])],
  ['no training images at all', (_d, f) => emptySplit(f, 'train')],
  ['an empty test set', (_d, f) => emptySplit(f, 't10k')],
  [
    'a header declaring 2^31 images',
    (_d, f) =>
      put(
        f,
        'train-images-idx3-ubyte',
        concat(idxHeader(8, [2 ** 31 - 1, 28, 28]), new Uint8Array(784)),
      ),
  ],
  [
    'dimensions whose product passes 2^53',
    (_d, f) =>
      put(
        f,
        'train-images-idx3-ubyte',
        concat(idxHeader(8, [2 ** 32 - 1, 2 ** 32 - 1, 2 ** 32 - 1]), new Uint8Array(16)),
      ),
  ],
  ['float32 pixels', (_d, f) => putZeros(f, 't10k-images-idx3-ubyte', [20, 28, 28], 'float32')],
  [
    'an unknown type code 0x05',
    (_d, f) => put(f, 'train-labels-idx1-ubyte', concat(idxHeader(5, [60]), new Uint8Array(60))),
  ],
  ['labels of rank 2', (_d, f) => putZeros(f, 'train-labels-idx1-ubyte', [60, 1])],
  [
    'a label of 200',
    (_d, f) => {
      const labels = new Uint8Array(60).fill(3);
      labels[17] = 200;
      f['train-labels-idx1-ubyte'] = encodeIdx({ dtype: 'uint8', shape: [60], data: labels });
    },
  ],
  ['images of 27×28', (_d, f) => putZeros(f, 'train-images-idx3-ubyte', [60, 27, 28])],
  [
    'test images of another size than train',
    (_d, f) => putZeros(f, 't10k-images-idx3-ubyte', [20, 14, 14]),
  ],
  [
    'images and labels swapped',
    (_d, f) => {
      const images = f['t10k-images-idx3-ubyte'] as Uint8Array;
      f['t10k-images-idx3-ubyte'] = f['t10k-labels-idx1-ubyte'] as Uint8Array;
      f['t10k-labels-idx1-ubyte'] = images;
    },
  ],
  [
    'a directory in place of a file',
    async (d, f) => {
      delete f['train-images-idx3-ubyte'];
      await mkdir(join(d, 'train-images-idx3-ubyte'));
    },
  ],
  [
    'a link to /dev/zero',
    async (d, f) => {
      delete f['t10k-images-idx3-ubyte'];
      await symlink('/dev/zero', join(d, 't10k-images-idx3-ubyte'));
    },
  ],
  [
    'a named pipe',
    (d, f) => {
      delete f['train-labels-idx1-ubyte'];
      execFileSync('mkfifo', [join(d, 'train-labels-idx1-ubyte')]);
    },
  ],
  [
    'a link to itself',
    async (d, f) => {
      delete f['t10k-labels-idx1-ubyte'];
      await symlink('t10k-labels-idx1-ubyte', join(d, 't10k-labels-idx1-ubyte'));
    },
  ],
  [
    'a truncated .gz',
    (_d, f) => {
      const gz = gzipSync(f['train-images-idx3-ubyte'] as Uint8Array);
      delete f['train-images-idx3-ubyte'];
      f['train-images-idx3-ubyte.gz'] = gz.subarray(0, gz.length >> 1);
    },
  ],
  [
    'a .gz that inflates to 64 MiB of zeros',
    (_d, f) => {
      delete f['train-images-idx3-ubyte'];
      f['train-images-idx3-ubyte.gz'] = gzipSync(
        concat(idxHeader(8, [60, 28, 28]), new Uint8Array(64 * 1024 * 1024)),
      );
    },
  ],
  [
    'a header declaring 0×0 images',
    (_d, f) => put(f, 't10k-images-idx3-ubyte', concat(idxHeader(8, [20, 0, 0]))),
  ],
];
