// The hostile corpus of issue 18: inputs a hostile (or unlucky) user gives fmnist, generated into a
// directory so that anyone can re-run the tally (`pnpm --filter @fmnist/cli exec vitest run
// test/hostile`). Each case says what to run and which files must come out unchanged.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { encodeIdx } from '@fmnist/dataset';
import { buildPng, grayPng, ihdr, pngBomb, pngChunk } from './build-png.js';

/** The categories of the issue, with the counts it asks for at least. */
export const CATEGORY_MINIMUMS = {
  idx: 24,
  spec: 34,
  predict: 15,
  records: 140,
  flags: 228,
  traversal: 28,
  xss: 1,
} as const;

/** One of {@link CATEGORY_MINIMUMS}' keys. */
export type Category = keyof typeof CATEGORY_MINIMUMS;

/** A command line to run in-process. */
export interface CliCase {
  kind: 'cli';
  category: Category;
  name: string;
  args: string[];
  /** Parse only (numeric flags): the command must not run. */
  dryRun?: boolean;
  /** `ok`: must succeed; `error`: must fail cleanly; `either`: either, but cleanly. */
  expect: 'ok' | 'error' | 'either';
  /** Files that must have the same bytes afterwards (inputs, records, an old --out file). */
  protect: string[];
  /** Directories a failed train must leave without an empty or `running` run directory. */
  runsDirs?: string[];
  /** Extra check on a finished call: a problem in words, or undefined. */
  check?: (result: {
    code: number;
    stdout: string;
    stderr: string;
    parsed?: Record<string, unknown>;
  }) => Promise<string | undefined> | string | undefined;
}

/** A request to the viewer's server. */
export interface UrlCase {
  kind: 'url';
  category: 'traversal';
  name: string;
  path: string;
}

/** The generated corpus: where it is, and every case. */
export interface Corpus {
  root: string;
  /** The run every record edit starts from, and the runs/ folder the viewer serves. */
  runsDir: string;
  /** Text that must never appear in an answer of the viewer or in a report (a secret file's). */
  secret: string;
  secretFile: string;
  cases: (CliCase | UrlCase)[];
}

/** Payloads for every name field: HTML/script injection and terminal escape sequences. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</script><script>alert(2)</script>',
  '<!--<script>',
  'javascript:alert(1)',
  '\u001b]0;pwned\u0007\u001b[2J\u001b[31mred',
  '\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\',
  '\u009b2J\u0000nul\u007f',
  '\u2028\u2029</ScRiPt >',
] as const;

/** Control characters and raw HTML that text and markdown output must not carry. */
export function findUnsafeOutput(text: string, format: 'text' | 'md'): string | undefined {
  for (const c of text) {
    const code = c.charCodeAt(0);
    if ((code < 0x20 && c !== '\n' && c !== '\t') || (code >= 0x7f && code <= 0x9f)) {
      return `output carries control character U+${code.toString(16).padStart(4, '0')}`;
    }
  }
  if (format === 'md' && /<(script|img|svg|!--)/i.test(text)) return 'markdown carries raw HTML';
  return undefined;
}

const IDX_FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;

function tinySplit(count: number, seed: number, side = 28) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const images = new Uint8Array(count * side * side);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 10;
    for (let p = 0; p < side * side; p++) {
      const row = Math.floor(p / side);
      images[i * side * side + p] =
        row >= 2 + 2 * (i % 10) && row < 6 + 2 * (i % 10) ? 220 : Math.floor(next() * 40);
    }
  }
  return { images, labels };
}

/** The four valid IDX files of a tiny dataset (train 60, test 20), by file name. */
export function tinyIdxFiles(
  train = 60,
  test = 20,
): Record<(typeof IDX_FILES)[number], Uint8Array> {
  const a = tinySplit(train, 1);
  const b = tinySplit(test, 2);
  return {
    'train-images-idx3-ubyte': encodeIdx({
      dtype: 'uint8',
      shape: [train, 28, 28],
      data: a.images,
    }),
    'train-labels-idx1-ubyte': encodeIdx({ dtype: 'uint8', shape: [train], data: a.labels }),
    't10k-images-idx3-ubyte': encodeIdx({ dtype: 'uint8', shape: [test, 28, 28], data: b.images }),
    't10k-labels-idx1-ubyte': encodeIdx({ dtype: 'uint8', shape: [test], data: b.labels }),
  };
}

function idxHeader(typeCode: number, dims: number[]): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, (typeCode << 8) | dims.length);
  dims.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d >>> 0);
  });
  return header;
}

const concat = (...parts: Uint8Array[]) => Buffer.concat(parts);

/** Set one file of a directory being edited. */
const put = (files: Record<string, Uint8Array>, name: string, bytes: Uint8Array): void => {
  files[name] = bytes;
};

type IdxEdit = (dir: string, files: Record<string, Uint8Array>) => Promise<void> | void;

/** 26 broken IDX directories: each takes the four valid files and breaks something. */
const IDX_EDITS: [string, IdxEdit][] = [
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
  [
    '59 labels for 60 images',
    (_d, f) =>
      put(
        f,
        'train-labels-idx1-ubyte',
        encodeIdx({
          dtype: 'uint8',
          shape: [59],
          data: new Uint8Array(59),
        }),
      ),
  ],
  [
    'no training images at all',
    (_d, f) => {
      f['train-images-idx3-ubyte'] = encodeIdx({
        dtype: 'uint8',
        shape: [0, 28, 28],
        data: new Uint8Array(0),
      });
      f['train-labels-idx1-ubyte'] = encodeIdx({
        dtype: 'uint8',
        shape: [0],
        data: new Uint8Array(0),
      });
    },
  ],
  [
    'an empty test set',
    (_d, f) => {
      f['t10k-images-idx3-ubyte'] = encodeIdx({
        dtype: 'uint8',
        shape: [0, 28, 28],
        data: new Uint8Array(0),
      });
      f['t10k-labels-idx1-ubyte'] = encodeIdx({
        dtype: 'uint8',
        shape: [0],
        data: new Uint8Array(0),
      });
    },
  ],
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
  [
    'float32 pixels',
    (_d, f) =>
      put(
        f,
        't10k-images-idx3-ubyte',
        encodeIdx({
          dtype: 'float32',
          shape: [20, 28, 28],
          data: new Float32Array(20 * 784),
        }),
      ),
  ],
  [
    'an unknown type code 0x05',
    (_d, f) => put(f, 'train-labels-idx1-ubyte', concat(idxHeader(5, [60]), new Uint8Array(60))),
  ],
  [
    'labels of rank 2',
    (_d, f) =>
      put(
        f,
        'train-labels-idx1-ubyte',
        encodeIdx({
          dtype: 'uint8',
          shape: [60, 1],
          data: new Uint8Array(60),
        }),
      ),
  ],
  [
    'a label of 200',
    (_d, f) => {
      const labels = new Uint8Array(60).fill(3);
      labels[17] = 200;
      f['train-labels-idx1-ubyte'] = encodeIdx({ dtype: 'uint8', shape: [60], data: labels });
    },
  ],
  [
    'images of 27×28',
    (_d, f) =>
      put(
        f,
        'train-images-idx3-ubyte',
        encodeIdx({
          dtype: 'uint8',
          shape: [60, 27, 28],
          data: new Uint8Array(60 * 27 * 28),
        }),
      ),
  ],
  [
    'test images of another size than train',
    (_d, f) =>
      put(
        f,
        't10k-images-idx3-ubyte',
        encodeIdx({
          dtype: 'uint8',
          shape: [20, 14, 14],
          data: new Uint8Array(20 * 196),
        }),
      ),
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

async function writeIdxCases(root: string, outDir: string): Promise<CliCase[]> {
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

const DENSE_SPEC = {
  inputShape: [784],
  layers: [
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  optimizer: { name: 'adam' },
  loss: 'categoricalCrossentropy',
};

const withLayers = (layers: unknown[], rest: object = {}) =>
  JSON.stringify({ ...DENSE_SPEC, layers, ...rest });
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** 36 spec files: broken JSON, broken specs, specs that would exhaust memory, and odd files. */
async function writeSpecCases(root: string, dataDir: string, outDir: string): Promise<CliCase[]> {
  const dir = join(root, 'spec');
  await mkdir(dir, { recursive: true });
  const texts: [string, string | Uint8Array, CliCase['expect']][] = [
    ['not JSON', '{"inputShape": [784], "layers": [', 'error'],
    ['an empty file', '', 'error'],
    ['a JSON number', '42', 'error'],
    ['JSON null', 'null', 'error'],
    ['an array', '[]', 'error'],
    ['no layers', withLayers([]), 'error'],
    ['no optimizer', JSON.stringify({ inputShape: [784], layers: DENSE_SPEC.layers }), 'error'],
    [
      'an unknown optimizer',
      withLayers(DENSE_SPEC.layers, { optimizer: { name: 'lion' } }),
      'error',
    ],
    ['an unknown layer type', withLayers([{ type: 'transformer', units: 10 }]), 'error'],
    ['negative units', withLayers([{ type: 'dense', units: -3 }, DENSE_SPEC.layers[1]]), 'error'],
    [
      'fractional units',
      withLayers([{ type: 'dense', units: 1.5 }, DENSE_SPEC.layers[1]]),
      'error',
    ],
    [
      'units as a string',
      withLayers([{ type: 'dense', units: '128' }, DENSE_SPEC.layers[1]]),
      'error',
    ],
    [
      'a billion units',
      withLayers([{ type: 'dense', units: 1_000_000_000 }, DENSE_SPEC.layers[1]]),
      'error',
    ],
    [
      'units above 2^53',
      '{"inputShape":[784],"layers":[{"type":"dense","units":99999999999999999999},{"type":"dense","units":10,"activation":"softmax"}],"optimizer":{"name":"adam"},"loss":"categoricalCrossentropy"}',
      'error',
    ],
    [
      'a learning rate of 1e999 (Infinity)',
      '{"inputShape":[784],"layers":[{"type":"dense","units":10,"activation":"softmax"}],"optimizer":{"name":"adam","learningRate":1e999},"loss":"categoricalCrossentropy"}',
      'error',
    ],
    [
      'a negative learning rate',
      withLayers(DENSE_SPEC.layers, { optimizer: { name: 'sgd', learningRate: -1 } }),
      'error',
    ],
    ['dropout rate 1', withLayers([{ type: 'dropout', rate: 1 }, ...DENSE_SPEC.layers]), 'error'],
    [
      'dropout rate -0.1',
      withLayers([{ type: 'dropout', rate: -0.1 }, ...DENSE_SPEC.layers]),
      'error',
    ],
    [
      'an unknown activation',
      withLayers([{ type: 'dense', units: 10, activation: 'swishy' }]),
      'error',
    ],
    ['a zero input shape', withLayers(DENSE_SPEC.layers, { inputShape: [0] }), 'error'],
    [
      'an input shape that is not 784',
      withLayers(DENSE_SPEC.layers, { inputShape: [100] }),
      'error',
    ],
    [
      'a conv2d on a flat input',
      withLayers([{ type: 'conv2d', filters: 8, kernelSize: 3 }, ...DENSE_SPEC.layers]),
      'error',
    ],
    [
      'a kernel larger than the image',
      withLayers([
        { type: 'reshape', targetShape: [28, 28, 1] },
        { type: 'conv2d', filters: 4, kernelSize: 40 },
        { type: 'flatten' },
        DENSE_SPEC.layers[1],
      ]),
      'error',
    ],
    [
      'a reshape to the wrong size',
      withLayers([
        { type: 'reshape', targetShape: [10, 10, 1] },
        { type: 'flatten' },
        DENSE_SPEC.layers[1],
      ]),
      'error',
    ],
    [
      '5 outputs for 10 classes',
      withLayers([{ type: 'dense', units: 5, activation: 'softmax' }]),
      'error',
    ],
    [
      'layers nested 100000 deep',
      `{"inputShape":[784],"layers":${deep(100_000)},"optimizer":{"name":"adam"},"loss":"categoricalCrossentropy"}`,
      'error',
    ],
    [
      'an extra field nested 100000 deep',
      `{"inputShape":[784],"layers":[{"type":"dense","units":10,"activation":"softmax"}],"optimizer":{"name":"adam"},"loss":"categoricalCrossentropy","x":${deep(100_000)}}`,
      'error',
    ],
    [
      '__proto__ keys',
      '{"__proto__":{"polluted":true},"inputShape":[784],"layers":[{"type":"dense","units":10,"activation":"softmax","__proto__":{"units":1}}],"optimizer":{"name":"adam"},"loss":"categoricalCrossentropy"}',
      'either',
    ],
    ['a UTF-8 byte order mark before valid JSON', `\uFEFF${JSON.stringify(DENSE_SPEC)}`, 'ok'],
    ['UTF-16 text', Buffer.from(`\uFEFF${JSON.stringify(DENSE_SPEC)}`, 'utf16le'), 'error'],
    [
      'a script in its name',
      JSON.stringify({ ...DENSE_SPEC, name: XSS_PAYLOADS[0], description: XSS_PAYLOADS[6] }),
      'either',
    ],
    [
      'a name of 100000 characters',
      JSON.stringify({ ...DENSE_SPEC, name: 'x'.repeat(100_000) }),
      'either',
    ],
    [
      '10000 layers',
      withLayers([
        ...Array.from({ length: 10_000 }, () => ({ type: 'dense', units: 2, activation: 'relu' })),
        DENSE_SPEC.layers[1],
      ]),
      'either',
    ],
  ];
  const cases: CliCase[] = [];
  const trainArgs = (spec: string, runs: string) => [
    'train',
    '--spec',
    spec,
    '--epochs',
    '1',
    '--batch-size',
    '30',
    '--data-dir',
    dataDir,
    '--out',
    runs,
  ];
  for (const [i, [name, text, expect]] of texts.entries()) {
    const file = join(dir, `${String(i).padStart(2, '0')}.json`);
    await writeFile(file, text);
    const runs = join(outDir, `spec-${i}`);
    cases.push({
      kind: 'cli',
      category: 'spec',
      name,
      args: trainArgs(file, runs),
      expect,
      protect: [file],
      runsDirs: [runs],
    });
  }
  const odd: [string, string][] = [
    ['/dev/zero as the spec', '/dev/zero'],
    ['a directory as the spec', dir],
    ['a missing spec file', join(dir, 'none.json')],
  ];
  const fifo = join(dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  odd.push(['a named pipe as the spec', fifo]);
  const big = join(dir, 'big.json');
  await writeFile(big, `{"inputShape":[784],"pad":"${'x'.repeat(20 * 1024 * 1024)}"}`);
  odd.push(['a 20 MB spec file', big]);
  for (const [name, path] of odd) {
    const runs = join(outDir, `spec-odd-${cases.length}`);
    cases.push({
      kind: 'cli',
      category: 'spec',
      name,
      args: trainArgs(path, runs),
      expect: 'error',
      protect: [],
      runsDirs: [runs],
    });
  }
  return cases;
}

/** 17 inputs for predict: bombs, truncated and damaged PNGs, devices, pipes, and two valid images. */
async function writePredictCases(root: string, runDir: string): Promise<CliCase[]> {
  const dir = join(root, 'predict');
  await mkdir(dir, { recursive: true });
  const whole = grayPng(28, 28, 30);
  const files: [string, Uint8Array | undefined, CliCase['expect']][] = [
    ['the 68-byte 30000×30000 bomb', pngBomb(), 'error'],
    ['4097×1 pixels', grayPng(4097, 1), 'error'],
    ['cut after the header', whole.subarray(0, 33), 'error'],
    ['cut inside the image data', whole.subarray(0, whole.length - 20), 'error'],
    ['without IEND', whole.subarray(0, whole.length - 12), 'error'],
    [
      'image data short of the header',
      buildPng(
        pngChunk('IHDR', ihdr(28, 28)),
        pngChunk('IDAT', deflateSync(Buffer.alloc(100))),
        pngChunk('IEND', Buffer.alloc(0)),
      ),
      'error',
    ],
    [
      'a bad CRC',
      buildPng(
        pngChunk('IHDR', ihdr(28, 28), true),
        pngChunk('IDAT', deflateSync(Buffer.alloc(28 * 29))),
        pngChunk('IEND', Buffer.alloc(0)),
      ),
      'error',
    ],
    [
      'a chunk length of 4 GB',
      concat(
        whole.subarray(0, 33),
        Uint8Array.from([0xff, 0xff, 0xff, 0xf0, 0x49, 0x44, 0x41, 0x54]),
      ),
      'error',
    ],
    ['an empty file', new Uint8Array(0), 'error'],
    ['text', Buffer.from('not an image'), 'error'],
    [
      'a JPEG header',
      Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]),
      'error',
    ],
    [
      'colour type 7',
      buildPng(pngChunk('IHDR', ihdr(2, 2, 7)), pngChunk('IEND', Buffer.alloc(0))),
      'error',
    ],
    ['a valid 28×28 image', whole, 'ok'],
    ['a valid 300×200 image', grayPng(300, 200, 200), 'ok'],
  ];
  const cases: CliCase[] = [];
  for (const [i, [name, bytes, expect]] of files.entries()) {
    const file = join(dir, `${String(i).padStart(2, '0')}.png`);
    if (bytes !== undefined) await writeFile(file, bytes);
    cases.push({
      kind: 'cli',
      category: 'predict',
      name,
      args: ['predict', runDir, file],
      expect,
      protect: [file],
    });
  }
  const fifo = join(dir, 'pipe.png');
  execFileSync('mkfifo', [fifo]);
  const linked = join(dir, 'zero.png');
  await symlink('/dev/zero', linked);
  for (const [name, path] of [
    ['/dev/zero', '/dev/zero'],
    ['a link to /dev/zero', linked],
    ['a named pipe', fifo],
    ['a directory', dir],
    ['a missing file', join(dir, 'none.png')],
  ] as const) {
    cases.push({
      kind: 'cli',
      category: 'predict',
      name,
      args: ['predict', runDir, path],
      expect: 'error',
      protect: [],
    });
  }
  return cases;
}

// biome-ignore lint/suspicious/noExplicitAny: record edits poke at arbitrary places of parsed JSON
type Loose = Record<string, any>;

/** 35 edits of a real run directory: its record, its model files, links out of it. */
const RECORD_EDITS: [
  string,
  (record: Loose, dir: string) => Promise<Loose | string | undefined> | Loose | string | undefined,
][] = [
  ['schemaVersion 2', (r) => ({ ...r, schemaVersion: 2 })],
  ['schemaVersion missing', ({ schemaVersion: _s, ...r }) => r],
  ['status "exploded"', (r) => ({ ...r, status: 'exploded' })],
  [
    'status running with no history',
    (r) => ({ ...r, status: 'running', history: [], metrics: undefined }),
  ],
  [
    'a history entry with loss "x"',
    (r) => {
      r.history[0].loss = 'x';
      return r;
    },
  ],
  [
    'a history of 100000 epochs',
    (r) => ({
      ...r,
      history: Array.from({ length: 100_000 }, (_, i) => ({ ...r.history[0], epoch: i + 1 })),
    }),
  ],
  [
    'epochs 1e20',
    (r) => {
      r.config.epochs = 1e20;
      return r;
    },
  ],
  [
    'negative epochs',
    (r) => {
      r.config.epochs = -5;
      return r;
    },
  ],
  [
    'a confusion matrix of 3×3',
    (r) => {
      r.confusionMatrix = [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ];
      return r;
    },
  ],
  [
    '3 class names for 10 classes',
    (r) => {
      r.classNames = ['a', 'b', 'c'];
      return r;
    },
  ],
  [
    'predictions of another length',
    (r) => {
      if (r.predictions) r.predictions.predicted = 'AAAA';
      return r;
    },
  ],
  [
    'an id with ../',
    (r) => {
      r.id = '../../../etc/passwd';
      return r;
    },
  ],
  [
    'a createdAt that is not a date',
    (r) => {
      r.createdAt = 'yesterday';
      return r;
    },
  ],
  ['nested 100000 levels deep', () => `{"schemaVersion":1,"x":${deep(100_000)}}`],
  ['an extra field nested 100000 deep', (_r, dir) => dir],
  ['a byte order mark', (r) => `\uFEFF${JSON.stringify(r)}`],
  ['cut in half', (r) => JSON.stringify(r).slice(0, 2000)],
  ['empty', () => ''],
  ['null', () => 'null'],
  ['a 1e400 loss', (r) => JSON.stringify(r).replace(/"loss":[^,}]+/, '"loss":1e400')],
  [
    'unknown fields everywhere',
    (r) => ({ ...r, extra: { a: [1, 2, { b: null }] }, config: { ...r.config, turbo: true } }),
  ],
  [
    'model.json damaged',
    async (r, dir) => {
      await writeFile(join(dir, 'model', 'model.json'), '{"modelTopology":');
      return r;
    },
  ],
  [
    'weights.bin truncated',
    async (r, dir) => {
      const weights = await readFile(join(dir, 'model', 'weights.bin'));
      await writeFile(join(dir, 'model', 'weights.bin'), weights.subarray(0, 100));
      return r;
    },
  ],
  [
    'weights.bin a link to /etc/passwd',
    async (r, dir) => {
      await rm(join(dir, 'model', 'weights.bin'));
      await symlink('/etc/passwd', join(dir, 'model', 'weights.bin'));
      return r;
    },
  ],
  [
    'model.json a link outside',
    async (r, dir) => {
      await rm(join(dir, 'model', 'model.json'));
      await symlink('/etc/hostname', join(dir, 'model', 'model.json'));
      return r;
    },
  ],
  [
    'model/ removed',
    async (r, dir) => {
      await rm(join(dir, 'model'), { recursive: true });
      return r;
    },
  ],
  [
    'run.json a link to /dev/zero',
    async (_r, dir) => {
      await symlink('/dev/zero', join(dir, 'run.json.link'));
      return 'LINK:/dev/zero';
    },
  ],
  ['run.json a directory', () => 'DIR'],
  ...XSS_PAYLOADS.map((payload, i): [string, (r: Loose) => Loose] => [
    `hostile names ${i}: ${JSON.stringify(payload).slice(0, 30)}`,
    (r) => {
      r.name = payload;
      r.preset = payload;
      if (Array.isArray(r.classNames)) r.classNames[i % r.classNames.length] = payload;
      r.spec.name = payload;
      r.spec.description = payload;
      if (r.data?.source) r.data.source.location = payload;
      if (r.environment) r.environment.cpu = payload;
      return r;
    },
  ]),
];

const XSS_START = RECORD_EDITS.length - XSS_PAYLOADS.length;

/** The record edits' calls: report (text, md, json, html --out over an old file), evaluate, compare. */
async function writeRecordCases(
  root: string,
  baseRun: string,
  dataDir: string,
): Promise<CliCase[]> {
  const cases: CliCase[] = [];
  const baseText = await readFile(join(baseRun, 'run.json'), 'utf8');
  for (const [i, [name, edit]] of RECORD_EDITS.entries()) {
    const dir = join(root, 'records', `run-${String(i).padStart(2, '0')}`);
    await cp(baseRun, dir, { recursive: true });
    const edited = await edit(JSON.parse(baseText) as Loose, dir);
    const record = join(dir, 'run.json');
    if (edited === dir) {
      await writeFile(record, baseText.replace(/\}\s*$/, `,"x":${deep(100_000)}}`));
    } else if (edited === 'DIR') {
      await rm(record);
      await mkdir(record);
    } else if (typeof edited === 'string' && edited.startsWith('LINK:')) {
      await rm(record);
      await symlink(edited.slice(5), record);
    } else if (typeof edited === 'string') {
      await writeFile(record, edited);
    } else if (edited !== undefined) {
      await writeFile(record, JSON.stringify(edited, null, 2));
    }
    const protect = [record, join(dir, 'model', 'model.json'), join(dir, 'model', 'weights.bin')];
    const old = join(dir, '..', `old-report-${i}.html`);
    await writeFile(old, 'an old report that a failed call must keep');
    const category: Category = i >= XSS_START ? 'xss' : 'records';
    const safe = (format: 'text' | 'md') => (r: { stdout: string }) =>
      findUnsafeOutput(r.stdout, format);
    cases.push(
      {
        kind: 'cli',
        category,
        name: `report: ${name}`,
        args: ['report', dir],
        expect: 'either',
        protect,
        check: safe('text'),
      },
      {
        kind: 'cli',
        category,
        name: `report md: ${name}`,
        args: ['report', dir, '--format', 'md'],
        expect: 'either',
        protect,
        check: safe('md'),
      },
      {
        kind: 'cli',
        category,
        name: `report json: ${name}`,
        args: ['report', dir, '--format', 'json'],
        expect: 'either',
        protect,
      },
      {
        kind: 'cli',
        category,
        name: `report html --out: ${name}`,
        args: ['report', dir, '--format', 'html', '--out', old],
        expect: 'either',
        protect,
        check: async (r) => {
          const html = await readFile(old, 'utf8');
          if (r.code !== 0)
            return html === 'an old report that a failed call must keep'
              ? undefined
              : 'a failed report replaced the old --out file';
          if (/<script>alert|<img src=x|<svg onload/i.test(html))
            return 'the html report carries a raw payload';
          const passwd = (await readFile('/etc/passwd')).toString('base64').slice(0, 40);
          return html.includes(passwd) ? 'the html report embeds /etc/passwd' : undefined;
        },
      },
      {
        kind: 'cli',
        category,
        name: `evaluate: ${name}`,
        args: ['evaluate', dir, '--data-dir', dataDir],
        expect: 'either',
        protect,
        check: safe('text'),
      },
      {
        kind: 'cli',
        category,
        name: `compare: ${name}`,
        args: ['compare', baseRun, dir],
        expect: 'either',
        protect: [...protect, join(baseRun, 'run.json')],
        check: safe('text'),
      },
    );
  }
  return cases;
}

/** Integer and number flags, each given the same 19 hostile values and a few good ones. */
const FLAG_VALUES = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  '0b11',
  '1_000',
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  '  ',
  '99999999999999999999',
  '9007199254740993',
  '2147483648',
  '-2147483649',
  '12abc',
  '١٢',
  '1e-400',
];

const FLAGS: { args: string[]; flag: string; key: string; integer: boolean; good: string[] }[] = [
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--epochs',
    key: 'epochs',
    integer: true,
    good: ['1', '100'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--batch-size',
    key: 'batchSize',
    integer: true,
    good: ['200'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--seed',
    key: 'seed',
    integer: true,
    good: ['-3', '42'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--early-stopping',
    key: 'earlyStopping',
    integer: true,
    good: ['5'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--reduce-lr',
    key: 'reduceLr',
    integer: true,
    good: ['3'],
  },
  {
    args: ['train', '--preset', 'mlp-sgd'],
    flag: '--lr',
    key: 'lr',
    integer: false,
    good: ['0.01'],
  },
  {
    args: ['train', '--preset', 'mlp-sgd'],
    flag: '--momentum',
    key: 'momentum',
    integer: false,
    good: ['0.9'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--validation-size',
    key: 'validationSize',
    integer: false,
    good: ['0.1', '6000'],
  },
  { args: ['data', 'show'], flag: '--scale', key: 'scale', integer: true, good: ['8'] },
  { args: ['data', 'show'], flag: '--index', key: 'index', integer: true, good: ['3'] },
  { args: ['predict', 'run', 'x.png'], flag: '--top', key: 'top', integer: true, good: ['3'] },
  { args: ['bench'], flag: '--steps', key: 'steps', integer: true, good: ['20'] },
  { args: ['experiment', 'notebook'], flag: '--jobs', key: 'jobs', integer: true, good: ['2'] },
  { args: ['view'], flag: '--port', key: 'port', integer: true, good: ['0', '8080'] },
];

/** What an accepted numeric value may be: a number the text means, well inside 2^53 and 2^31. */
function checkAccepted(text: string, value: unknown, integer: boolean): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return `accepted ${JSON.stringify(text)} as ${String(value)}`;
  if (integer && (!Number.isSafeInteger(value) || Math.abs(value) > 2 ** 31))
    return `accepted ${JSON.stringify(text)} as ${value}, beyond a sensible bound`;
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text))
    return `accepted ${JSON.stringify(text)}, which is not a plain number`;
  if (value !== 0 && Math.abs(value) < 1e-300)
    return `accepted ${JSON.stringify(text)} as a denormal`;
  return undefined;
}

function flagCases(): CliCase[] {
  const cases: CliCase[] = [];
  for (const { args, flag, key, integer, good } of FLAGS) {
    for (const text of [...FLAG_VALUES, ...good]) {
      cases.push({
        kind: 'cli',
        category: 'flags',
        name: `${args[0]} ${flag} ${JSON.stringify(text)}`,
        args: [...args, `${flag}=${text}`],
        dryRun: true,
        expect: good.includes(text) ? 'ok' : 'either',
        protect: [],
        check: (r) => (r.code === 0 ? checkAccepted(text, r.parsed?.[key], integer) : undefined),
      });
    }
  }
  return cases;
}

/** 30 requests that try to leave the viewer's folders, and two that may be answered. */
function traversalCases(key: string): UrlCase[] {
  const run = `/api/runs/${encodeURIComponent(key)}`;
  const paths = [
    '/../../../../etc/passwd',
    '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/..\\..\\..\\etc\\passwd',
    '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '/assets/../../../../../etc/passwd',
    '//etc/passwd',
    '/index.html%00../../etc/passwd',
    '/%2fetc%2fpasswd',
    `${run}/..%2f..%2f..%2fsecret.txt`,
    `${run}/model%2f..%2f..%2f..%2fsecret.txt`,
    `${run}/model/..%2f..%2f..%2fsecret.txt`,
    `${run}/model/%2e%2e/%2e%2e/secret.txt`,
    `${run}/model/weights.bin`,
    `${run}/model/secret-link`,
    `${run}/checkpoint/state.json`,
    `${run}/..`,
    `${run}/run.json%00.png`,
    `${run}/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt`,
    `/api/runs/${encodeURIComponent('runs/../../secret.txt')}/run.json`,
    `/api/runs/${encodeURIComponent('../outside')}/run.json`,
    `/api/runs/${encodeURIComponent('runs/linked-out')}/run.json`,
    '/api/runs/%2e%2e/run.json',
    '/api/runs/%E0%A4%A/run.json',
    `/api/index/../../../secret.txt`,
    `/api/../../secret.txt`,
    `/${'../'.repeat(200)}etc/passwd`,
    `/${'a'.repeat(60_000)}`,
    `${run}/run.json`,
  ];
  return paths.map((path) => ({
    kind: 'url',
    category: 'traversal',
    name: path.slice(0, 80),
    path,
  }));
}

/**
 * Write the whole corpus under `root` from a trained run (`baseRun`) and its data (`dataDir`);
 * return every case.
 */
export async function generateCorpus(
  root: string,
  baseRun: string,
  dataDir: string,
): Promise<Corpus> {
  const out = join(root, 'train-out');
  const secretFile = join(root, 'secret.txt');
  const secret = `secret-${Math.random().toString(36).slice(2)}`;
  await mkdir(root, { recursive: true });
  await writeFile(secretFile, secret);
  // The viewer serves runs/: one good run, a run whose model links to the secret, a run dir that is
  // a link out of runs/.
  const runsDir = join(root, 'viewer', 'runs');
  await cp(baseRun, join(runsDir, 'good'), { recursive: true });
  await rm(join(runsDir, 'good', 'model', 'weights.bin'));
  await symlink(secretFile, join(runsDir, 'good', 'model', 'weights.bin'));
  await symlink(secretFile, join(runsDir, 'good', 'model', 'secret-link'));
  await mkdir(join(root, 'viewer', 'outside'), { recursive: true });
  await cp(join(baseRun, 'run.json'), join(root, 'viewer', 'outside', 'run.json'));
  await writeFile(join(root, 'viewer', 'outside', 'secret.txt'), secret);
  await symlink(join(root, 'viewer', 'outside'), join(runsDir, 'linked-out'));
  await mkdir(join(root, 'viewer', 'experiments'), { recursive: true });
  const cases = [
    ...(await writeIdxCases(root, out)),
    ...(await writeSpecCases(root, dataDir, out)),
    ...(await writePredictCases(root, baseRun)),
    ...(await writeRecordCases(root, baseRun, dataDir)),
    ...flagCases(),
    ...traversalCases('runs/good'),
  ];
  return { root, runsDir, secret, secretFile, cases };
}
