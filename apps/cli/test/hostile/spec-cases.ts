// Spec files for train --spec: broken JSON, broken specs, specs that would exhaust memory, odd files.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CliCase, XSS_PAYLOADS } from './corpus-cases.js';

export const DENSE_SPEC = {
  inputShape: [784],
  layers: [
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  optimizer: { name: 'adam' },
  loss: 'categoricalCrossentropy',
};

export const withLayers = (layers: unknown[], rest: object = {}) =>
  JSON.stringify({ ...DENSE_SPEC, layers, ...rest });
export const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** 36 spec files: broken JSON, broken specs, specs that would exhaust memory, and odd files. */
export async function writeSpecCases(
  root: string,
  dataDir: string,
  outDir: string,
): Promise<CliCase[]> {
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
