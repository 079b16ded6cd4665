import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeIdx } from '@fmnist/dataset';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';

let dataDir: string;

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
});

describe('fmnist data info', () => {
  it('says where the data is, its hashes and the class counts per split', async () => {
    const result = await runCli(['data', 'info', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`source:   ${dataDir} (directory)`);
    expect(result.stdout).toContain('verified: no');
    expect(result.stdout).toMatch(/train-images-idx3-ubyte\s+[0-9a-f]{64}/);
    expect(result.stdout).toMatch(/9 Ankle boot\s+30\s+10/);
    expect(result.stdout).toMatch(/total\s+300\s+100/);
  });

  it('prints only JSON with --json', async () => {
    const result = await runCli(['data', 'info', '--data-dir', dataDir, '--json']);
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info.verified).toBe(false);
    expect(info.splits.train).toMatchObject({ count: 300, shape: [28, 28] });
    expect(info.splits.test.classCounts).toEqual(new Array(10).fill(10));
  });

  it('says the three ways to get the data when there is none', async () => {
    const result = await runCli(['data', 'info']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no copy of Fashion-MNIST found');
    expect(result.stderr).toContain('fmnist data fetch');
    expect(result.stderr).toContain('FMNIST_DATA_DIR');
    expect(result.stderr).toContain('apt install dataset-fashion-mnist');
  });

  it('uses FMNIST_DATA_DIR', async () => {
    const result = await runCli(['data', 'info', '--json'], { env: { FMNIST_DATA_DIR: dataDir } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).source).toMatchObject({ kind: 'env', location: dataDir });
  });

  it('exits 1 naming the missing files of a --data-dir without them', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'fmnist-cli-empty-'));
    const result = await runCli(['data', 'info', '--data-dir', empty]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('train-images-idx3-ubyte');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('fmnist data verify', () => {
  it('exits 1 for data that is not Fashion-MNIST, saying what to do', async () => {
    const result = await runCli(['data', 'verify', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('DIFF');
    expect(result.stderr).toContain('4 of 4 files');
    expect(result.stderr).toContain('fmnist data fetch');
  });

  it('reports the checks as JSON', async () => {
    const result = await runCli(['data', 'verify', '--data-dir', dataDir, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.verified).toBe(false);
    expect(report.checks).toHaveLength(4);
  });
});

describe('fmnist data show', () => {
  it('draws an image with its label', async () => {
    const result = await runCli([
      'data',
      'show',
      '--split',
      'test',
      '--index',
      '9',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(0);
    const [caption, ...rows] = result.stdout.trimEnd().split('\n');
    expect(caption).toBe('test[9]: 9 Ankle boot');
    expect(rows).toHaveLength(28);
    expect(result.stdout).toContain('█');
  });

  it('writes a PNG with the same pixels', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-cli-png-'));
    const file = join(dir, 'image.png');
    const result = await runCli([
      'data',
      'show',
      '--index',
      '4',
      '--out',
      file,
      '--scale',
      '2',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('test[4]: 4 Coat');
    const png = PNG.sync.read(await readFile(file));
    expect([png.width, png.height]).toEqual([56, 56]);
    const images = await decodeIdx(await readFile(join(dataDir, 't10k-images-idx3-ubyte')));
    const expected = images.data[4 * 784 + 5 * 28 + 7];
    expect(png.data[(10 * 56 + 14) * 4]).toBe(expected);
  });

  it('exits 2 for an index past the end', async () => {
    const result = await runCli(['data', 'show', '--index', '100', '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the test split has 100 images (0 to 99)');
  });

  it('exits 2 for a --scale above 2^53, stating the range', async () => {
    const result = await runCli([
      'data',
      'show',
      '--out',
      join(tmpdir(), 'never.png'),
      '--scale',
      '99999999999999999999',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Expected a whole number from 1 to 146');
    expect(result.stderr).not.toContain('TypeError');
  });

  it('exits 2 for a bad split', async () => {
    const result = await runCli(['data', 'show', '--split', 'validation', '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are train, test');
  });
});

const SYSTEM_COPY = '/usr/share/datasets/fashion-mnist';

describe('fmnist data fetch', () => {
  it.skipIf(!existsSync(SYSTEM_COPY))(
    'keeps files already there that verify, without downloading',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'fmnist-cli-fetch-'));
      for (const name of await readdir(SYSTEM_COPY))
        await copyFile(join(SYSTEM_COPY, name), join(dir, name));
      const result = await runCli(['data', 'fetch', '--dir', dir]);
      expect(result.code).toBe(0);
      expect(result.stderr.match(/cached/g)).toHaveLength(4);
      expect(result.stdout).toContain(`Fashion-MNIST is in ${dir} (verified)`);
    },
  );
});
