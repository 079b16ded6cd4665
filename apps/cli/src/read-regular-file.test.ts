import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from './errors.js';
import { readRegularFile } from './read-regular-file.js';

async function refusal(path: string, maxBytes = 1024): Promise<CliError> {
  const error = await readRegularFile(path, { what: 'image', maxBytes }).catch((e: unknown) => e);
  if (CliError.isInstance(error)) return error;
  throw new Error(`expected a CliError, got ${String(error)}`);
}

describe('readRegularFile', () => {
  it('reads a regular file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-read-'));
    await writeFile(join(dir, 'a'), 'abc');
    expect((await readRegularFile(join(dir, 'a'), { what: 'image', maxBytes: 3 })).toString()).toBe(
      'abc',
    );
  });

  it('refuses /dev/zero at once instead of reading forever', async () => {
    const started = performance.now();
    expect((await refusal('/dev/zero')).message).toContain('found a device');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a named pipe without waiting for a writer', async () => {
    const fifo = join(await mkdtemp(join(tmpdir(), 'fmnist-read-')), 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect((await refusal(fifo)).message).toContain('found a named pipe');
  });

  it('refuses a directory, a missing file and a file over the limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-read-'));
    expect((await refusal(dir)).message).toContain('found a directory');
    expect((await refusal(join(dir, 'none'))).message).toContain('there is no such file');
    await writeFile(join(dir, 'big'), Buffer.alloc(2000));
    expect((await refusal(join(dir, 'big'))).message).toContain('at most 1024 bytes');
  });
});
