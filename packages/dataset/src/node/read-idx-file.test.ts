import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeIdx } from '../idx/encode-idx.js';
import { readIdxFile } from './read-idx-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fmnist-read-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readIdxFile', () => {
  const bytes = encodeIdx({ dtype: 'uint8', shape: [3], data: Uint8Array.of(4, 5, 6) });

  it('reads raw and gzipped files alike, whatever their names', async () => {
    await writeFile(join(dir, 'raw'), bytes);
    await writeFile(join(dir, 'packed'), gzipSync(bytes));
    for (const name of ['raw', 'packed']) {
      const parsed = await readIdxFile(join(dir, name), { dtype: 'uint8', rank: 1 });
      expect(Array.from(parsed.data)).toEqual([4, 5, 6]);
    }
  });

  it('names the file in errors', async () => {
    await writeFile(join(dir, 'bad.gz'), gzipSync(bytes).subarray(0, 12));
    await expect(readIdxFile(join(dir, 'bad.gz'))).rejects.toMatchObject({ code: 'GZIP_INVALID' });
    await writeFile(join(dir, 'labels'), bytes);
    await expect(readIdxFile(join(dir, 'labels'), { rank: 3 })).rejects.toThrow(
      join(dir, 'labels'),
    );
  });
});
