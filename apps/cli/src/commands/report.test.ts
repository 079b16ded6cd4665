import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { trainTinyRun } from '../../test/train-tiny-run.js';

let runA: string;
let runB: string;

beforeAll(async () => {
  const dataDir = await createTinyDatasetDir({ train: 300, test: 100 });
  [runA, runB] = await Promise.all([
    trainTinyRun(dataDir),
    trainTinyRun(dataDir, ['--preset', 'mlp-sgd', '--name', 'second']),
  ]);
});

describe('fmnist report', () => {
  it('prints a run as text: settings, history, metrics, reports', async () => {
    const result = await runCli(['report', runA]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Run mlp-adam — completed — /);
    expect(result.stdout).toContain('2/2 epochs, batch 50, validation holdout 0.1, seed 0');
    expect(result.stdout).toContain('backend:     native');
    expect(result.stdout).toMatch(/epoch\s+loss\s+accuracy\s+val_loss\s+val_accuracy\s+seconds/);
    expect(result.stdout).toMatch(/test {8}loss \d\.\d{4}/);
    expect(result.stdout).toContain('weighted avg');
    expect(result.stdout).toContain('Pred Bag');
  });

  it('compares several runs in a table first', async () => {
    const result = await runCli(['report', runA, runB]);
    expect(result.code).toBe(0);
    const [table] = result.stdout.split('\n\n');
    expect(table).toMatch(
      /^run\s+status\s+epochs\s+train acc \(final eval\)\s+val acc\s+test loss\s+test acc\s+directory/,
    );
    expect(table).toMatch(/\nmlp-adam\s+completed\s+2\/2/);
    expect(table).toMatch(/\nsecond\s+completed\s+2\/2/);
    expect(result.stdout.match(/^Run /gm)).toHaveLength(2);
  });

  it('renders markdown', async () => {
    const result = await runCli(['report', runA, '--format', 'md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Run mlp-adam/);
  });

  it('prints the records as JSON: one object, or an array for several', async () => {
    const one = await runCli(['report', runA, '--format', 'json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({
      name: 'mlp-adam',
      status: 'completed',
      schemaVersion: 1,
    });
    const two = await runCli(['report', runA, runB, '--format', 'json']);
    expect((JSON.parse(two.stdout) as { name: string }[]).map((r) => r.name)).toEqual([
      'mlp-adam',
      'second',
    ]);
  });

  it('exits 1 for a damaged record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-cli-damaged-'));
    await writeFile(join(dir, 'run.json'), '{"schemaVersion": 1, "name": 3}');
    const result = await runCli(['report', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a valid run record');
  });

  it('--format html leaves out model files that link outside the run directory', async () => {
    const copy = join(await mkdtemp(join(tmpdir(), 'fmnist-cli-symlink-')), 'run');
    await cp(runA, copy, { recursive: true });
    await rm(join(copy, 'model', 'weights.bin'));
    await symlink('/etc/passwd', join(copy, 'model', 'weights.bin'));
    const out = join(copy, '..', 'report.html');
    const result = await runCli(['report', copy, '--format', 'html', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/weights\.bin out of the report: it is a link to \/etc\/passwd/);
    const html = await readFile(out, 'utf8');
    const secret = (await readFile('/etc/passwd')).toString('base64').slice(0, 40);
    expect(html).not.toContain(secret);
    expect(html).toContain('mlp-adam');
  });

  it('strips terminal escapes and HTML out of run names in text and markdown', async () => {
    const copy = join(await mkdtemp(join(tmpdir(), 'fmnist-cli-names-')), 'run');
    await cp(runA, copy, { recursive: true });
    const record = JSON.parse(await readFile(join(copy, 'run.json'), 'utf8'));
    record.name = '\u001b]0;pwned\u0007\u001b[2J<script>alert(1)</script>';
    await writeFile(join(copy, 'run.json'), `\uFEFF${JSON.stringify(record)}`);
    const text = await runCli(['report', copy]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout).toMatch(/^Run <script>alert\(1\)<\/script> — completed/);
    const md = await runCli(['report', copy, '--format', 'md']);
    expect(md.stdout).not.toContain('\u001b');
    expect(md.stdout).not.toContain('<script>');
    expect(md.stdout).toContain('# Run &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses a record nested 100_000 levels deep with a clear error', async () => {
    const copy = join(await mkdtemp(join(tmpdir(), 'fmnist-cli-deep-')), 'run');
    await cp(runA, copy, { recursive: true });
    const text = await readFile(join(copy, 'run.json'), 'utf8');
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await writeFile(join(copy, 'run.json'), text.replace(/\}\s*$/, `,"x":${deep}}`));
    const result = await runCli(['report', copy, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/more than 64 levels deep/);
    expect(result.stderr).not.toMatch(/looks like a bug|RangeError/);
  });

  it('exits 2 for an unknown format', async () => {
    const result = await runCli(['report', runA, '--format', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are text, md, json, html');
  });
});
