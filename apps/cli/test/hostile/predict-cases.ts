// Inputs for predict: bombs, truncated and damaged PNGs, devices, pipes, and two valid images.
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { buildPng, grayPng, ihdr, pngBomb, pngChunk } from './build-png.js';
import type { CliCase } from './corpus-cases.js';
import { concat } from './idx-edits.js';

/** 17 inputs for predict: bombs, truncated and damaged PNGs, devices, pipes, and two valid images. */
export async function writePredictCases(root: string, runDir: string): Promise<CliCase[]> {
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
